/** The Teachers page's commands are real: same in both locales, pinned to this version, and each one runs (exit 0 or 1, no usage error). */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers.ts';

const repo = join(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
const commands = (locale: string) =>
  [...readFileSync(join(repo, `content/pages/teachers.${locale}.mdx`), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));

describe('the Teachers page', () => {
  const en = commands('en');
  it('shows the same commands in both locales, pinned to this version', () => {
    expect(commands('zh-cn')).toEqual(en);
    for (const c of en.filter((x) => x.includes('container-course@'))) expect(c).toMatch(new RegExp(`container-course@${version.replace(/\./g, '\\.')}( |$)`));
  });
  it('every container-course command on it runs', async () => {
    const ex = parse(readFileSync(join(repo, 'content/exercises/e11.1.yaml'), 'utf8'));
    const cwd = mkdtempSync(join(tmpdir(), 'cc-teachers-'));
    for (const [n, t] of [
      ['alice', ex.solution['pod.yaml']],
      ['bob', ex.start['pod.yaml']],
    ]) {
      mkdirSync(join(cwd, 'class', n), { recursive: true });
      writeFileSync(join(cwd, 'class', n, 'pod.yaml'), t);
    }
    writeFileSync(join(cwd, 'pod.yaml'), ex.solution['pod.yaml']);
    for (const line of en.filter((l) => !l.startsWith('npm install'))) {
      const args = line
        .replace(/^npx (--yes )?container-course@\S+ /, '')
        .replace(/^container-course /, '')
        .split(' ');
      const r = await runCli(args, { cwd });
      expect(r.stderr, line).toBe('');
      expect([0, 1], line).toContain(r.code);
    }
  }, 120_000);
});
