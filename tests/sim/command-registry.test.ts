/**
 * Issue #9, item 3: one Linux command, one file, one registry row. Every file directly under
 * src/sim/shell/commands/ that exports a SimCommand exports exactly one, named after its file
 * (`__cc_jobs` is jobs.ts: the runtime's name for a bash builtin); every row of the registry
 * loads one of them under its own name, and every one of them has a row. So adding a command
 * is its file plus its import and row in the registry, and nothing else names it: no file
 * outside commands/ imports a command's module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, loadCommand } from '../../src/sim/shell/commands/registry.ts';
import type { SimCommand } from '../../src/sim/shell/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'src/sim/shell/commands');

/** Files that hold a command under another name than the file's: `registry` (registry.ts is the command list). */
const PENDING: Record<string, string[]> = { 'distribution-registry.ts': ['registry'] };

const isCommand = (v: unknown): v is SimCommand =>
  typeof v === 'object' && v !== null && typeof (v as SimCommand).name === 'string' && typeof (v as SimCommand).run === 'function';

/** file → the SimCommands it exports (docker's dispatcher is docker/index.ts). */
async function exported(): Promise<Map<string, SimCommand[]>> {
  const files = [...readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'registry.ts'), 'docker/index.ts'];
  const out = new Map<string, SimCommand[]>();
  for (const f of files) {
    const mod = (await import(join(DIR, f))) as Record<string, unknown>;
    const cmds = Object.values(mod).filter(isCommand);
    if (cmds.length) out.set(f, cmds);
  }
  return out;
}

describe('the Linux command registry (commands/registry.ts)', () => {
  it('names each command once', () => {
    const names = COMMANDS.map((r) => r.name);
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('every command file exports one command named after it, and every one has a row that loads it', async () => {
    const files = await exported();
    const wrong: string[] = [];
    for (const [f, cmds] of files) {
      const want = PENDING[f] ?? [f === 'docker/index.ts' ? 'docker' : basename(f, '.ts')];
      const got = cmds.map((c) => c.name.replace(/^__cc_/, ''));
      if (got.join() !== want.join()) wrong.push(`${f}: exports ${got.join(', ')}, expected ${want.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    const all = [...files.values()].flat();
    const loaded = await Promise.all(COMMANDS.map(async (row) => ({ row: row.name, cmd: await loadCommand(row) })));
    // A row loads the very object a file exports, under the row's name.
    expect(loaded.filter(({ row, cmd }) => cmd.name !== row || !all.includes(cmd)).map((x) => x.row)).toEqual([]);
    // No command without a row.
    expect(all.filter((c) => !loaded.some((x) => x.cmd === c)).map((c) => c.name)).toEqual([]);
  });

  it('loads a command once', async () => {
    const row = COMMANDS.find((r) => r.name === 'uname')!;
    expect(await loadCommand(row)).toBe(await loadCommand(row));
  });

  it('no file outside commands/ imports a command module statically (they load through the registry)', async () => {
    const commandFiles = new Set([...(await exported()).keys()].map((f) => `src/sim/shell/commands/${f}`));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    // sleep.ts's duration parser is also the kernel programs' (runtime/programs.ts, background.ts).
    const allowed = new Set(['src/sim/shell/commands/sleep.ts']);
    const bad = files(join(ROOT, 'src'))
      .filter((f) => !f.startsWith(DIR))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)]
          .map((m) => relative(ROOT, resolve(dirname(f), m[1]!)))
          .filter((t) => commandFiles.has(t) && !allowed.has(t))
          .map((t) => `${relative(ROOT, f)} → ${t}`),
      );
    expect(bad).toEqual([]);
  });
});
