// @ts-check
/**
 * The terminal's worker's chunks (issue #14: the first command answered ≤ 200 ms cold). Its first command needs the
 * host's code (world-host.ts and what it imports), the shell's (the modules the host loads with `import()`: the
 * shell runtime, the command registries, the continuation check, the completion, the image library, the warm-up;
 * and the first commands' own, FIRST_COMMANDS) and just-bash's. Left to the bundler's own splitting, that was about a
 * hundred chunks, each found only once the chunk importing it had been fetched and parsed: six levels of round trips
 * to the server one after the other, six connections at a time over HTTP/1.1.
 *
 * For the build of world.worker.ts only (not the grader's or Monaco's workers), this plugin
 * - puts the host's modules in one chunk (`world-host`) and the shell's in another (`world-shell`; the modules the
 *   host has are not in it; just-bash's are left in its own chunks, which its commands share), rolldown's
 *   codeSplitting groups;
 * - writes the list of the chunks the first command needs (those two, what they import, just-bash's) into the entry
 *   as `__CC_WORKER_CHUNKS__`, which the entry asks for all at once when it starts (world.worker.ts): two levels.
 * The entry's text is changed after its name was hashed; that name still changes with the list, since every chunk the
 * list names is reached from the entry through imports whose names its hash covers.
 */
import { posix } from 'node:path';

const MARK = '__CC_WORKER_CHUNKS__';
const ENTRY = /[\\/]src[\\/]ui[\\/]terminal[\\/]world\.worker\.ts$/;
const HOST = /[\\/]src[\\/]ui[\\/]terminal[\\/]world-host\.ts$/;
const JUST_BASH = /[\\/]node_modules[\\/]just-bash[\\/]/;
const JUST_BASH_INDEX = /[\\/]node_modules[\\/]just-bash[\\/]dist[\\/]bundle[\\/]index\.js$/;
/** The modules of the commands a first line runs (src/sim/warm.ts WARM_LINE; `docker run`, the lessons' first command). */
export const FIRST_COMMANDS = ['src/sim/shell/commands/uname.ts', 'src/sim/shell/commands/docker/index.ts', 'src/sim/shell/commands/docker/run.ts'];

/**
 * The host's modules and the shell's, from the module graph.
 * @param {string[]} ids every module of the build
 * @param {(id: string) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null} info
 * @returns {{ host: Set<string>; shell: Set<string> }}
 */
export function firstCommandModules(ids, info) {
  const hostId = ids.find((id) => HOST.test(id));
  if (!hostId) throw new Error('vite-worker-chunks: src/ui/terminal/world-host.ts is not in the worker build');
  const commands = FIRST_COMMANDS.map((m) => ids.find((id) => id.replace(/\\/g, '/').endsWith(`/${m}`)));
  if (commands.some((c) => !c)) throw new Error(`vite-worker-chunks: a module of FIRST_COMMANDS is not in the worker build (${FIRST_COMMANDS.join(', ')})`);
  /** Static closure, into `into`, skipping `skip` (and the entry, which imports none of them). */
  const close = (/** @type {string} */ id, /** @type {Set<string>} */ into, /** @type {Set<string>} */ skip) => {
    if (into.has(id) || skip.has(id) || ENTRY.test(id) || JUST_BASH.test(id)) return;
    into.add(id);
    for (const i of info(id)?.importedIds ?? []) close(i, into, skip);
  };
  /** @type {Set<string>} */
  const host = new Set();
  close(hostId, host, new Set());
  /** @type {Set<string>} */
  const shell = new Set();
  for (const id of host) for (const d of info(id)?.dynamicallyImportedIds ?? []) close(d, shell, host);
  for (const c of commands) close(/** @type {string} */ (c), shell, host);
  return { host, shell };
}

/**
 * The chunks to ask for, as file names: the host's and the shell's chunks and just-bash's (its index, imported by
 * the shell with `import()`), each with its static imports.
 * @param {{ fileName: string; name: string; moduleIds: string[]; imports: string[] }[]} chunks
 * @returns {string[]}
 */
export function firstCommandChunks(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  // The host's first: the boot waits for it alone (over HTTP/1.1 the browser fetches six at a time, in this order).
  const rank = (/** @type {(typeof chunks)[number]} */ c) =>
    c.name === 'world-host' ? 0 : c.name === 'world-shell' ? 1 : c.moduleIds.some((id) => JUST_BASH_INDEX.test(id)) ? 2 : -1;
  const roots = chunks.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  if (roots.length !== 3) throw new Error(`vite-worker-chunks: ${roots.length} chunks of world-host, world-shell and just-bash's index, not 3`);
  /** @type {Set<string>} */
  const list = new Set();
  const add = (/** @type {string} */ name) => {
    const c = byName.get(name);
    if (!c || list.has(name)) return;
    list.add(name);
    for (const i of c.imports) add(i);
  };
  for (const r of roots) add(r.fileName);
  return [...list];
}

/** @returns {import('vite').Plugin} */
export function workerChunks() {
  let active = false;
  /** @type {{ host: Set<string>; shell: Set<string> }} */
  let sets = { host: new Set(), shell: new Set() };
  return {
    name: 'container-course:worker-chunks',
    options(opts) {
      const input = opts.input;
      const inputs = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      active = inputs.some((i) => ENTRY.test(i));
      return null;
    },
    buildEnd() {
      if (active) sets = firstCommandModules([...this.getModuleIds()], (id) => this.getModuleInfo(id));
    },
    outputOptions(out) {
      if (!active) return null;
      return {
        ...out,
        codeSplitting: {
          groups: [
            { name: 'world-host', test: (id) => sets.host.has(id), priority: 2 },
            { name: 'world-shell', test: (id) => sets.shell.has(id), priority: 1 },
          ],
        },
      };
    },
    generateBundle(_options, bundle) {
      if (!active) return;
      const chunks = /** @type {{ fileName: string; name: string; moduleIds: string[]; imports: string[]; isEntry: boolean; code: string }[]} */ (
        Object.values(bundle).filter((o) => o.type === 'chunk')
      );
      const entry = chunks.find((c) => c.isEntry && c.code.includes(MARK));
      if (!entry) throw new Error('vite-worker-chunks: no __CC_WORKER_CHUNKS__ in the entry of src/ui/terminal/world.worker.ts');
      const dir = posix.dirname(entry.fileName);
      const urls = firstCommandChunks(chunks)
        .filter((f) => f !== entry.fileName)
        .map((f) => `./${posix.relative(dir, f)}`);
      entry.code = entry.code.split(MARK).join(JSON.stringify(urls));
    },
  };
}
