/**
 * Issue #14: the terminal's workers load just-bash's code-split `import` build with its `__BROWSER__` guards folded,
 * not its one-file `browser` build (src/ui/terminal/vite-just-bash.mjs). These tests catch a just-bash update that
 * changes what the plugin relies on.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ABSENT_OPTIONAL, foldBrowserGuards, justBashModules, NODE_MODULE_TEXT } from '../../src/ui/terminal/vite-just-bash.mjs';

const BUNDLE = join(import.meta.dirname, '../../node_modules/just-bash/dist/bundle');
/** The build's modules; not its Node worker_threads scripts (worker.js, js-exec-worker.js, sqlite3-worker.js), started by the Node-only commands. */
const FILES = [
  'index.js',
  ...readdirSync(join(BUNDLE, 'chunks'))
    .filter((f) => !f.endsWith('worker.js'))
    .map((f) => `chunks/${f}`),
];

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const plugin = justBashModules();
const resolve = (source: string, importer?: string) => (plugin.resolveId as Hook).call({}, source, importer, {});
const load = (id: string) => (plugin.load as Hook).call({}, id) as string | null;
const transform = (code: string, id: string) => (plugin.transform as Hook).call({}, code, id) as { code: string } | null;

const folded = mkdtempSync(join(tmpdir(), 'cc-just-bash-'));
afterAll(() => rmSync(folded, { recursive: true, force: true }));

describe("just-bash's modules in the terminal's worker", () => {
  it('every __BROWSER__ guard of the import build is one the plugin folds', () => {
    let guarded = 0;
    for (const f of FILES) {
      const code = readFileSync(join(BUNDLE, f), 'utf8');
      if (!code.includes('__BROWSER__')) continue;
      guarded++;
      const out = transform(code, join(BUNDLE, f))!.code;
      expect(out).not.toContain('__BROWSER__');
    }
    expect(guarded).toBeGreaterThan(0);
    expect(() => foldBrowserGuards('if (__BROWSER__ === 1) x();', 'x.js')).toThrow('an unknown __BROWSER__ guard in x.js');
    // Files outside just-bash are left alone.
    expect(transform('typeof __BROWSER__<"u"&&__BROWSER__', '/src/sim/world.ts')).toBeNull();
  });

  it("folded, the import build lists the browser build's commands (no tar, yq, xan, sqlite3, python, js-exec)", async () => {
    cpSync(BUNDLE, folded, { recursive: true, filter: (src) => !src.endsWith('.cjs') && !src.endsWith('browser.js') });
    for (const f of FILES) {
      const code = readFileSync(join(BUNDLE, f), 'utf8');
      if (code.includes('__BROWSER__')) writeFileSync(join(folded, f), foldBrowserGuards(code, f));
    }
    const browser = (await import(pathToFileURL(join(BUNDLE, 'browser.js')).href)) as { getCommandNames: () => string[] };
    const split = (await import(pathToFileURL(join(folded, 'index.js')).href)) as { getCommandNames: () => string[] };
    expect(split.getCommandNames()).toEqual(browser.getCommandNames());
    for (const n of ['tar', 'yq', 'xan', 'sqlite3', 'python3', 'js-exec']) expect(split.getCommandNames()).not.toContain(n);
    // The flag-coverage report, which imports every command, is no longer reached from a command's run.
    expect(readFileSync(join(folded, 'index.js'), 'utf8')).toMatch(/n\.coverage&&\(false\)\)\{let\{emitFlagCoverage/);
  });

  it("the worker's `just-bash` is the import build's index.js, its own files' imports left to Vite", () => {
    expect(resolve('just-bash', '/src/sim/world.ts')).toBe(join(BUNDLE, 'index.js'));
    expect(resolve('just-bash', join(BUNDLE, 'chunks/x.js'))).toBeNull();
  });

  it("every file of the import build starts with esbuild's require banner, which the worker's node:module answers", () => {
    const banner = 'import{createRequire} from"node:module";const require=createRequire(import.meta.url);';
    for (const f of FILES) expect(readFileSync(join(BUNDLE, f), 'utf8').startsWith(banner), f).toBe(true);
    const id = resolve('node:module', join(BUNDLE, 'chunks/chunk-KVG5FR5F.js')) as string;
    expect(resolve('node:module', '/src/sim/world.ts')).toBeNull();
    expect(load(id)).toBe(NODE_MODULE_TEXT);
    const { createRequire } = moduleText(NODE_MODULE_TEXT) as { createRequire: () => (id: string) => unknown };
    // yaml's `require("process")` (its debug/warn and LOG_TOKENS checks): a process with an empty env and no emitWarning.
    expect(createRequire()('process')).toEqual({ env: {} });
    expect(() => createRequire()('fs')).toThrow('just-bash asked for the Node module fs, which the browser has not');
  });

  it("just-bash's optional dependencies are not installed, and fail to load in the worker as in Node", async () => {
    const pkg = JSON.parse(readFileSync(join(BUNDLE, '../../package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    expect(Object.keys(pkg.optionalDependencies).sort()).toEqual([...ABSENT_OPTIONAL].sort());
    for (const name of ABSENT_OPTIONAL) {
      await expect(import(name)).rejects.toThrow();
      const id = resolve(name, join(BUNDLE, 'chunks/x.js')) as string;
      expect(load(id)).toBe(`throw new Error("Cannot find module '${name}'");`);
      expect(resolve(name, '/src/sim/world.ts')).toBeNull();
    }
  });
});

/** The stand-in's module text evaluated (one export, no imports). */
function moduleText(text: string): Record<string, unknown> {
  const body = text.replace('export function createRequire', 'function createRequire');
  return new Function(`${body}\nreturn { createRequire };`)() as Record<string, unknown>;
}
