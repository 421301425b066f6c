import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('container-course exercises', { timeout: 120_000 }, () => {
  it('lists id, kind, points, the files to submit, lesson, hidden checks and title in course order', async () => {
    const r = await runCli(['exercises']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]!.replace(/ +/g, ' ')).toBe('id kind points files lesson hidden title');
    expect(lines[1]!.replace(/ +/g, ' ')).toBe('e1.1 shell-goal 6 commands.sh L1 - Which container is host PID 23910?');
    expect(lines.find((l) => l.startsWith('e11.1'))!.replace(/ +/g, ' ')).toBe('e11.1 k8s-yaml 10 pod.yaml L11 1 The maximum-security container');
    const ids = lines
      .slice(1)
      .map((l) => l.split(' ')[0])
      .filter(Boolean);
    const key = (id: string) => id.slice(1).split('.').map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!));
    expect(ids).toEqual(expect.arrayContaining(['e1.1', 'e1.2', 'e2.2', 'e5.1', 'e6.2', 'e7.2', 'e9.1', 'e9.2', 'e10.1', 'e11.1', 'e12.1', 'e12.2', 'e13.1']));
  });
  it('lists titles in Chinese; --json carries everything in both languages', async () => {
    expect((await runCli(['exercises', '--locale', 'zh-cn'])).stdout).toMatch(/^e11\.1 +k8s-yaml +10 +pod\.yaml +L11 +1 +最高安全级别的容器$/m);
    const j = JSON.parse((await runCli(['exercises', '--json'])).stdout);
    const e = j.find((x: { id: string }) => x.id === 'e11.1');
    expect(e).toMatchObject({
      id: 'e11.1',
      kind: 'k8s-yaml',
      lesson: 'L11',
      points: 10,
      files: ['pod.yaml'],
      checks: 7,
      hiddenChecks: 1,
      title: { en: 'The maximum-security container', 'zh-cn': '最高安全级别的容器' },
    });
    expect(e.task.en).toMatch(/^The image cloudnatived\/demo:hello runs as root/);
    expect(j.find((x: { id: string }) => x.id === 'e7.2').files.length).toBeGreaterThan(0);
  });
  it('show ID prints the task and the starter', async () => {
    const r = await runCli(['exercises', 'show', 'e11.1']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'e11.1: The maximum-security container',
      'kind: k8s-yaml   points: 10   lesson: L11   hidden checks: 1',
      'files to submit: pod.yaml',
    ]);
    expect(r.stdout).toContain('--- pod.yaml ---\napiVersion: v1\nkind: Pod\n');
    expect(r.stdout).not.toContain('same-image');
    expect((await runCli(['exercises', 'show', 'e99'])).code).toBe(2);
  });
  it('rejects arguments and unknown flags', async () => {
    expect((await runCli(['exercises', 'x'])).code).toBe(2);
    expect((await runCli(['exercises', '--all'])).stderr).toMatch(/^container-course exercises: unknown flag: --all\n/);
    expect((await runCli(['exercises', '-h'])).stdout).toMatch(/^Usage: container-course exercises/);
  });
});
