import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('container-course exercises', () => {
  it('lists ids, kinds and titles in course order', async () => {
    const r = await runCli(['exercises']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('e1.1   shell-goal  Run nginx and find its host PID');
    const ids = r.stdout.split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
    // Course order: by lesson, then by exercise number (e9.2 before e10.1).
    const key = (id: string) => id.slice(1).split('.').map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]));
    expect(ids).toEqual(expect.arrayContaining(['e1.1', 'e1.2', 'e2.2', 'e5.1', 'e6.2', 'e7.2', 'e9.1', 'e9.2', 'e10.1', 'e11.1', 'e12.1', 'e12.2', 'e13.1']));
  });
  it('lists titles in Chinese and as JSON', async () => {
    expect((await runCli(['exercises', '--locale', 'zh-cn'])).stdout).toContain('e11.1  k8s-yaml    最高安全级别的容器\n');
    const j = JSON.parse((await runCli(['exercises', '--json'])).stdout);
    expect(j[0]).toEqual({ id: 'e1.1', kind: 'shell-goal', lesson: 'L1', title: { en: 'Run nginx and find its host PID', 'zh-cn': '运行 nginx 并找到它在宿主机上的 PID' } });
  });
  it('rejects arguments and unknown flags', async () => {
    expect((await runCli(['exercises', 'x'])).code).toBe(2);
    expect((await runCli(['exercises', '--all'])).stderr).toMatch(/^container-course exercises: unknown flag: --all\n/);
    expect((await runCli(['exercises', '-h'])).stdout).toMatch(/^Usage: container-course exercises/);
  });
});
