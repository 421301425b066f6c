/**
 * Issue #14: the terminal's worker asks for the chunks of its first command all at once (src/ui/terminal/world.worker.ts),
 * from a list written at build time (src/ui/terminal/vite-worker-chunks.mjs): the host's modules in one chunk, the
 * shell's in another, just-bash's as it splits them.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_COMMANDS, firstCommandChunks, firstCommandModules, workerChunks } from '../../src/ui/terminal/vite-worker-chunks.mjs';

const R = '/repo/';
const JB = `${R}node_modules/just-bash/dist/bundle/`;
/** A worker build's module graph: static imports, dynamic imports. */
const GRAPH: Record<string, [string[], string[]]> = {
  [`${R}src/ui/terminal/world.worker.ts`]: [[], [`${R}src/ui/terminal/world-host.ts`]],
  [`${R}src/ui/terminal/world-host.ts`]: [[`${R}src/sim/index.ts`, `${R}src/ui/terminal/world-protocol.ts`], [`${R}src/sim/warm.ts`]],
  [`${R}src/ui/terminal/world-protocol.ts`]: [[], []],
  [`${R}src/sim/index.ts`]: [[`${R}src/sim/world.ts`], []],
  [`${R}src/sim/world.ts`]: [[`${R}src/sim/host.ts`], [`${JB}index.js`, `${R}src/sim/shell/runtime.ts`]],
  [`${R}src/sim/host.ts`]: [[], []],
  [`${R}src/sim/shell/runtime.ts`]: [[`${R}src/sim/host.ts`, `${R}src/sim/shell/line.ts`], []],
  [`${R}src/sim/shell/line.ts`]: [[], []],
  [`${R}src/sim/warm.ts`]: [[`${R}src/sim/shell/commands/registry.ts`], []],
  [`${R}src/sim/shell/commands/registry.ts`]: [[], FIRST_COMMANDS.map((m) => R + m).concat(`${R}src/sim/shell/commands/kubectl.ts`)],
  [`${R}src/sim/shell/commands/kubectl.ts`]: [[], []],
  [`${JB}index.js`]: [[`${JB}chunks/chunk-A.js`], [`${JB}chunks/ls.js`]],
  [`${JB}chunks/chunk-A.js`]: [[], []],
  [`${JB}chunks/ls.js`]: [[`${JB}chunks/chunk-A.js`], []],
  ...Object.fromEntries(FIRST_COMMANDS.map((m) => [R + m, [[`${R}src/sim/shell/line.ts`], []]])),
};
const info = (id: string) => (GRAPH[id] ? { importedIds: GRAPH[id][0], dynamicallyImportedIds: GRAPH[id][1] } : null);
const short = (s: Set<string>) => [...s].map((id) => id.slice(R.length)).sort();

describe("the terminal's worker chunks", () => {
  it("the host's modules are world-host.ts's static imports; the shell's, what they import with import() and the first commands, less the host's and just-bash's", () => {
    const { host, shell } = firstCommandModules(Object.keys(GRAPH), info);
    expect(short(host)).toEqual([
      'src/sim/host.ts',
      'src/sim/index.ts',
      'src/sim/world.ts',
      'src/ui/terminal/world-host.ts',
      'src/ui/terminal/world-protocol.ts',
    ]);
    expect(short(shell)).toEqual(
      [...FIRST_COMMANDS, 'src/sim/shell/commands/registry.ts', 'src/sim/shell/line.ts', 'src/sim/shell/runtime.ts', 'src/sim/warm.ts'].sort(),
    );
  });

  it('a build without world-host.ts or a first command fails, naming what it misses', () => {
    expect(() => firstCommandModules([`${R}src/sim/world.ts`], info)).toThrow('world-host.ts is not in the worker build');
    const noUname = Object.keys(GRAPH).filter((id) => !id.endsWith('uname.ts'));
    expect(() => firstCommandModules(noUname, info)).toThrow('a module of FIRST_COMMANDS is not in the worker build');
  });

  const chunk = (fileName: string, name: string, imports: string[] = [], moduleIds: string[] = []) => ({
    type: 'chunk' as const,
    fileName,
    name,
    imports,
    moduleIds,
    isEntry: false,
    code: '',
  });
  const CHUNKS = [
    chunk('_astro/world-host-H.js', 'world-host', ['_astro/rolldown-runtime-R.js']),
    chunk('_astro/world-shell-S.js', 'world-shell', ['_astro/world-host-H.js']),
    chunk('_astro/bundle-B.js', 'bundle', ['_astro/chunk-A.js'], [`${JB}chunks/chunk-B.js`, `${JB}index.js`]),
    chunk('_astro/chunk-A.js', 'chunk-A'),
    chunk('_astro/ls-L.js', 'ls', ['_astro/chunk-A.js'], [`${JB}chunks/ls.js`]),
    chunk('_astro/kubectl-K.js', 'kubectl', ['_astro/world-host-H.js']),
    chunk('_astro/rolldown-runtime-R.js', 'rolldown-runtime'),
  ];

  it("the list: the host's, the shell's and just-bash's index chunks with their static imports, not the commands'", () => {
    // The host's first, its imports next.
    expect(firstCommandChunks(CHUNKS)).toEqual([
      '_astro/world-host-H.js',
      '_astro/rolldown-runtime-R.js',
      '_astro/world-shell-S.js',
      '_astro/bundle-B.js',
      '_astro/chunk-A.js',
    ]);
    expect(() => firstCommandChunks(CHUNKS.slice(1))).toThrow('2 chunks of world-host, world-shell and just-bash');
  });

  it("is written into world.worker.ts's entry chunk only, as URLs beside it", () => {
    type Hook = (this: unknown, ...args: unknown[]) => unknown;
    const run = (input: string) => {
      const plugin = workerChunks();
      (plugin.options as Hook).call({}, { input });
      const entry = { ...chunk('_astro/world.worker-W.js', 'world.worker'), isEntry: true, code: 'for(const u of __CC_WORKER_CHUNKS__)import(u)' };
      const bundle = Object.fromEntries([entry, ...CHUNKS].map((c) => [c.fileName, { ...c }]));
      (plugin.generateBundle as Hook).call({}, {}, bundle);
      return bundle['_astro/world.worker-W.js']!.code;
    };
    const code = run(`${R}src/ui/terminal/world.worker.ts`);
    const urls = JSON.parse(/of (\[.*\]\))/.exec(code)![1]!.slice(0, -1)) as string[];
    expect(urls.sort()).toEqual(['./bundle-B.js', './chunk-A.js', './rolldown-runtime-R.js', './world-host-H.js', './world-shell-S.js'].sort());
    // Another worker's build (the grader's) is left as it is.
    expect(run(`${R}src/ui/exercise/grader.worker.ts`)).toBe('for(const u of __CC_WORKER_CHUNKS__)import(u)');
  });
});
