// @ts-check
/**
 * just-bash's code-split ES modules in the terminal's worker, instead of its one-file browser bundle (issue #14: the
 * first command answered ≤ 200 ms cold).
 *
 * just-bash 3.4.2 ships two ES builds (node_modules/just-bash/package.json exports "."): `browser`
 * (dist/bundle/browser.js, 1.24 MB, every command inlined) and `import` (dist/bundle/index.js, 0.51 MB, with 17
 * small chunks it imports statically and each command in a chunk of its own, imported on the command's first run).
 * Measured in Node (load 27, median of 5 fresh processes): importing browser.js took 326 ms of CPU, index.js 147 ms.
 * The worker takes the second; Vitest and the CLI already do (Node's `import` condition), so the browser now runs
 * the modules the tests run.
 *
 * What the `import` build needs that a browser lacks:
 * - every one of its files starts `import{createRequire} from"node:module";const require=createRequire(import.meta.url);`
 *   (esbuild's ESM banner): here `node:module` is a module whose createRequire gives a `require` that throws, naming
 *   the module asked for. The bundle's code calls `require` only in the commands the simulator leaves out (js-exec).
 * - its optional dependencies, not installed: see ABSENT_OPTIONAL.
 * - its other Node imports (node:fs, node:path, node:zlib, node:crypto, node:dns, node:async_hooks, node:url,
 *   node:worker_threads) stay what Vite makes of them in any browser build, as they are for browser.js today (which
 *   imports node:zlib, node:dns and node:async_hooks itself): empty modules. Only the file systems on a real disk
 *   (OverlayFs, ReadWriteFs), the network's DNS check, gzip and the worker-thread commands use them.
 * - its command list (getCommandNames) has four commands the browser build has not: tar, yq, xan and sqlite3
 *   (just-bash 3.4.2 src/commands/registry.ts: the Node-only ones; sqlite3 needs worker_threads). The worker's
 *   list stays the browser build's: the module `just-bash` resolves to re-exports index.js with those four left out
 *   of getCommandNames (the shell registers only listed commands: src/sim/shell/runtime.ts).
 */
import { fileURLToPath } from 'node:url';

const INDEX = fileURLToPath(new URL('../../../node_modules/just-bash/dist/bundle/index.js', import.meta.url));
const ENTRY = '\0container-course:just-bash';
const NODE_MODULE = '\0container-course:just-bash-node-module';
const ABSENT = '\0container-course:just-bash-absent:';
/**
 * just-bash's optional dependencies (its package.json optionalDependencies: native zstd and xz codecs), imported with
 * `import()` inside a try by the decompressors; not installed here (package.json allowScripts), so their import fails
 * in the worker as it does in Node: a module that throws when it is evaluated.
 */
export const ABSENT_OPTIONAL = ['@mongodb-js/zstd', 'node-liblzma'];
/** In the `import` build's command list, not in the `browser` one's (checked against both by tests/ui/vite-just-bash.test.ts). */
export const NODE_ONLY_COMMANDS = ['tar', 'yq', 'xan', 'sqlite3'];

/** @param {string | undefined} importer */
const inJustBash = (importer) => !!importer && /[\\/]node_modules[\\/]just-bash[\\/]dist[\\/]bundle[\\/]/.test(importer);

/** @returns {import('vite').Plugin} */
export function justBashModules() {
  return {
    name: 'container-course:just-bash-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'just-bash' && importer !== ENTRY) return ENTRY;
      if (source === 'node:module' && inJustBash(importer)) return NODE_MODULE;
      if (ABSENT_OPTIONAL.includes(source) && inJustBash(importer)) return ABSENT + source;
      return null;
    },
    load(id) {
      if (id === ENTRY)
        return [
          `export * from ${JSON.stringify(INDEX)};`,
          `import { getCommandNames as all } from ${JSON.stringify(INDEX)};`,
          `const nodeOnly = new Set(${JSON.stringify(NODE_ONLY_COMMANDS)});`,
          'export function getCommandNames() { return all().filter((n) => !nodeOnly.has(n)); }',
        ].join('\n');
      if (id === NODE_MODULE)
        return [
          'export function createRequire() {',
          '  return (id) => { throw new Error(`just-bash asked for the Node module ${id}, which the browser has not`); };',
          '}',
        ].join('\n');
      if (id.startsWith(ABSENT)) return `throw new Error(${JSON.stringify(`Cannot find module '${id.slice(ABSENT.length)}'`)});`;
      return null;
    },
  };
}
