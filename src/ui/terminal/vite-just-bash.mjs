// @ts-check
/**
 * just-bash's code-split ES modules in the terminal's worker, instead of its one-file browser bundle (issue #14: the
 * first command answered ≤ 200 ms cold).
 *
 * just-bash 3.4.2 ships two ES builds (node_modules/just-bash/package.json exports "."): `browser`
 * (dist/bundle/browser.js, 1.24 MB, every command inlined) and `import` (dist/bundle/index.js, 0.51 MB, with small
 * chunks it imports statically and each command in a chunk of its own, imported on the command's first run). The
 * worker takes the second, made into what the first is:
 * - `__BROWSER__`: the browser build is the same sources built with `__BROWSER__` true (just-bash 3.4.2
 *   src/commands/registry.ts, src/interpreter/…: `typeof __BROWSER__ > "u" || !__BROWSER__` guards the Node-only
 *   commands tar, yq, xan, sqlite3, python3/python and js-exec, and the flag-coverage report). The import build left it
 *   undefined, so each command's first run with a `coverage` option (ours: runtime.ts, the budget's hook) imported
 *   flag-coverage, which imports every command, yq's yaml among them, whose `require("process")` threw (the first
 *   attempt, 7788bc6, reverted in 7d0c753: cat, wc, tail broke). Here both guards are folded to the browser's answer,
 *   so those imports leave the worker's module graph, and a guard this plugin does not know fails the build.
 * - every one of its files starts `import{createRequire} from"node:module";const require=createRequire(import.meta.url);`
 *   (esbuild's ESM banner, for the CommonJS packages it bundled): here `node:module` is a module whose createRequire
 *   gives a `require` that answers `process` with a stand-in (an empty env: yaml reads process.env.LOG_TOKENS and
 *   checks that emitWarning is a function) and throws for any other name, naming it. With the guards folded, the
 *   names the worker's modules still pass it are `node:module` (index.js, in a try, after `process.getBuiltinModule`,
 *   which throws first in a worker) and `os`, `tty`, `util` (the `file` command's copy of debug/supports-color, on
 *   their Node path only: debug takes its browser path where `process` is undefined), as browser.js's own
 *   require-that-throws answers them; `process` only in chunks the browser list leaves unreachable (yaml, papaparse).
 * - its optional dependencies, not installed: see ABSENT_OPTIONAL.
 * - its other Node imports (node:fs, node:path, node:zlib, node:crypto, node:dns, node:async_hooks, node:url) stay
 *   what Vite makes of them in any browser build, as they are for browser.js: empty modules.
 */
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../../../node_modules/just-bash/dist/bundle/', import.meta.url));
const INDEX = `${BUNDLE}index.js`;
const NODE_MODULE = '\0container-course:just-bash-node-module';
const ABSENT = '\0container-course:just-bash-absent:';
/**
 * just-bash's optional dependencies (its package.json optionalDependencies: native zstd and xz codecs), imported with
 * `import()` inside a try by the decompressors; not installed here (package.json allowScripts), so their import fails
 * in the worker as it does in Node: a module that throws when it is evaluated.
 */
export const ABSENT_OPTIONAL = ['@mongodb-js/zstd', 'node-liblzma'];
/** The `__BROWSER__` guards of just-bash 3.4.2's import build, and what the browser build (`__BROWSER__` true) makes of them. */
export const BROWSER_GUARDS = [
  ['(typeof __BROWSER__>"u"||!__BROWSER__)', '(false)'],
  ['typeof __BROWSER__<"u"&&__BROWSER__', 'true'],
];

/** @param {string | undefined} id */
const inJustBash = (id) => !!id && /[\\/]node_modules[\\/]just-bash[\\/]dist[\\/]bundle[\\/]/.test(id);

/**
 * The import build's file text as the browser build has it: every `__BROWSER__` guard folded.
 * @param {string} code
 * @param {string} id
 */
export function foldBrowserGuards(code, id) {
  let out = code;
  for (const [guard, value] of BROWSER_GUARDS) out = out.split(guard).join(value);
  const left = out.indexOf('__BROWSER__');
  if (left >= 0) throw new Error(`vite-just-bash: an unknown __BROWSER__ guard in ${id}: ${out.slice(Math.max(0, left - 60), left + 60)}`);
  return out;
}

/** The `node:module` the import build's files get: a `require` for its bundled CommonJS code (see the file's head). */
export const NODE_MODULE_TEXT = [
  'const processStandIn = { env: {} };',
  'export function createRequire() {',
  "  return (id) => { if (id === 'process') return processStandIn; throw new Error(`just-bash asked for the Node module ${id}, which the browser has not`); };",
  '}',
].join('\n');

/** @returns {import('vite').Plugin} */
export function justBashModules() {
  return {
    name: 'container-course:just-bash-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'just-bash' && !inJustBash(importer)) return INDEX;
      if (source === 'node:module' && inJustBash(importer)) return NODE_MODULE;
      if (ABSENT_OPTIONAL.includes(source) && inJustBash(importer)) return ABSENT + source;
      return null;
    },
    load(id) {
      if (id === NODE_MODULE) return NODE_MODULE_TEXT;
      if (id.startsWith(ABSENT)) return `throw new Error(${JSON.stringify(`Cannot find module '${id.slice(ABSENT.length)}'`)});`;
      return null;
    },
    transform(code, id) {
      if (!inJustBash(id) || !code.includes('__BROWSER__')) return null;
      return { code: foldBrowserGuards(code, id), map: null };
    },
  };
}
