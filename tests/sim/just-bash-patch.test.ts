/**
 * scripts/patch-just-bash.mjs (npm install's prepare): a command of a simulator's shell (its coverage hook carries
 * OWN_COMMANDS, and defense in depth is off, as runtime.ts makes each) gets its context itself, not through just-bash's
 * revocable membrane; any other shell keeps the membrane. Checked in the builds the project loads: Vitest's (ESM) and
 * the bundles' (`just-bash/browser`); the CommonJS one carries the same change. The second change: the file tests -b,
 * -c, -p and -S ask stat(2)'s type bits (bash-5.2:test.c unary_test), keeping just-bash's answer otherwise.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as Browser from 'just-bash/browser';
import * as Esm from 'just-bash';
import { describe, expect, it } from 'vitest';
import { OWN_COMMANDS } from '../../src/sim/shell/shared.ts';

const MARK = '/*cc:own-commands-skip-membrane:2*/';
const MARK_1 = '/*cc:own-commands-skip-membrane*/';
const MARK2 = '/*cc:file-type-tests*/';
const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('just-bash')), '..', '..');

describe('just-bash as installed', () => {
  it.each(['dist/bundle/browser.js', 'dist/bundle/index.js', 'dist/bundle/index.cjs'])('%s carries the change once', (rel) => {
    const text = readFileSync(join(root, rel), 'utf8');
    expect(text.split(MARK).length - 1).toBe(1);
    // The first version's change was taken out when this one went in (scripts/patch-just-bash.mjs unpatch1).
    expect(text.includes(MARK_1)).toBe(false);
    expect(text.split(MARK2).length - 1).toBe(1);
  });

  for (const [name, jb] of [
    ['just-bash', Esm],
    ['just-bash/browser', Browser],
  ] as const) {
    /** What the command saw: whether its fs and env were the shell's own objects, and what it read through them. */
    const probe = async (defenseInDepth: boolean, marked: boolean) => {
      const fs = new jb.InMemoryFs({ '/f': 'bytes\n' });
      const seen: { ownFs: boolean; text: string; env: string | undefined }[] = [];
      const signals: (AbortSignal | undefined)[] = [];
      const bash = new jb.Bash({
        fs,
        defenseInDepth,
        coverage: { hit: () => {}, ...(marked ? { [OWN_COMMANDS]: true } : {}) },
        customCommands: [
          jb.defineCommand('probe', async (_args, ctx) => {
            seen.push({ ownFs: ctx.fs === fs, text: await ctx.fs.readFile('/f'), env: ctx.env.get('X') });
            signals.push(ctx.signal);
            expect(ctx.signal?.aborted).toBe(false);
            return { stdout: 'ok\n', stderr: '', exitCode: 0 };
          }),
        ],
      });
      const r = await bash.exec('X=1 probe | cat', { signal: new AbortController().signal });
      // Either way the command's signal is not aborted while it runs, and is when its line is done, with the membrane's words.
      expect(signals.map((x) => x?.aborted)).toEqual([true]);
      expect((signals[0]?.reason as { stderr?: string } | undefined)?.stderr).toBe('bash: probe context revoked\n');
      return { r, seen };
    };

    it(`${name}: a simulator's shell (marked, defense in depth off): the command gets its context itself`, async () => {
      const { r, seen } = await probe(false, true);
      expect(r.stdout).toBe('ok\n');
      expect(seen).toEqual([{ ownFs: true, text: 'bytes\n', env: '1' }]);
    });

    it(`${name}: a shell without the mark keeps the membrane`, async () => {
      const { r, seen } = await probe(false, false);
      expect(r.stdout).toBe('ok\n');
      expect(seen).toEqual([{ ownFs: false, text: 'bytes\n', env: '1' }]);
    });
  }

  it('just-bash (Node): a marked shell with defense in depth on keeps the membrane', async () => {
    const fs = new Esm.InMemoryFs({});
    let ownFs: boolean | undefined;
    const bash = new Esm.Bash({
      fs,
      coverage: { hit: () => {}, [OWN_COMMANDS]: true } as { hit(label: string): void },
      customCommands: [
        Esm.defineCommand('probe', async (_args, ctx) => {
          ownFs = ctx.fs === fs;
          return { stdout: '', stderr: '', exitCode: 0 };
        }),
      ],
    });
    expect((await bash.exec('probe')).exitCode).toBe(0);
    expect(ownFs).toBe(false);
  });

  for (const [name, jb] of [
    ['just-bash', Esm],
    ['just-bash/browser', Browser],
  ] as const)
    it(`${name}: -b, -c, -p and -S follow the file's type bits; a filesystem without them keeps just-bash's answers`, async () => {
      const fs = new jb.InMemoryFs({ '/f': 'x' });
      const types: Record<string, number> = { '/chr': 0o020666, '/blk': 0o060660, '/fifo': 0o010644, '/sock': 0o140777 };
      const stat = fs.stat.bind(fs);
      // A filesystem that gives its nodes their S_IFMT bits, as the simulator's /dev does (fs/devfs.ts).
      fs.stat = async (p: string) => (p in types ? { ...(await stat('/f')), isFile: false, mode: types[p] as number } : stat(p));
      const bash = new jb.Bash({ fs });
      const line = 'for t in b c p S; do for f in /chr /blk /fifo /sock /f /dev/null; do test -$t $f && echo "$t $f"; done; done';
      expect((await bash.exec(line)).stdout).toBe('b /blk\nc /chr\nc /dev/null\np /fifo\nS /sock\n');
    });
});
