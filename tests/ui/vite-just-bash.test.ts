/**
 * Issue #14: the terminal's worker loads just-bash's code-split `import` build, not its one-file `browser` build
 * (src/ui/terminal/vite-just-bash.mjs). These tests catch a just-bash update that changes what the plugin relies on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABSENT_OPTIONAL, justBashModules, NODE_ONLY_COMMANDS } from '../../src/ui/terminal/vite-just-bash.mjs';

const BUNDLE = join(import.meta.dirname, '../../node_modules/just-bash/dist/bundle');

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const plugin = justBashModules();
const resolve = (source: string, importer?: string) => (plugin.resolveId as Hook).call({}, source, importer, {});
const load = (id: string) => (plugin.load as Hook).call({}, id) as string | null;

describe("just-bash's modules in the terminal's worker", () => {
  it('the browser build lists the commands of the import build but tar, yq, xan and sqlite3 (just-bash 3.4.2)', async () => {
    const browser = (await import(join(BUNDLE, 'browser.js'))) as { getCommandNames: () => string[] };
    const node = (await import(join(BUNDLE, 'index.js'))) as { getCommandNames: () => string[] };
    const inBrowser = new Set(browser.getCommandNames());
    expect(node.getCommandNames().filter((n) => !inBrowser.has(n))).toEqual(NODE_ONLY_COMMANDS);
    expect(browser.getCommandNames().filter((n) => !node.getCommandNames().includes(n))).toEqual([]);
  });

  it("the worker's `just-bash` is the import build with the browser's command list", () => {
    const entry = resolve('just-bash', '/src/sim/world.ts') as string;
    const text = load(entry)!;
    expect(text).toContain(`export * from ${JSON.stringify(join(BUNDLE, 'index.js'))};`);
    expect(text).toContain('["tar","yq","xan","sqlite3"]');
    // The entry's own import of the build is the file, not the entry again.
    expect(resolve('just-bash', entry)).toBeNull();
  });

  it("every file of the import build starts with esbuild's require banner, which the worker's node:module answers", () => {
    const banner = 'import{createRequire} from"node:module";const require=createRequire(import.meta.url);';
    expect(readFileSync(join(BUNDLE, 'index.js'), 'utf8').startsWith(banner)).toBe(true);
    const id = resolve('node:module', join(BUNDLE, 'chunks/chunk-KVG5FR5F.js')) as string;
    expect(resolve('node:module', '/src/sim/world.ts')).toBeNull();
    const shim = load(id)!;
    const { createRequire } = moduleText(shim) as { createRequire: () => (id: string) => unknown };
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

/** The shim's module text evaluated (it has one export and no imports). */
function moduleText(text: string): Record<string, unknown> {
  const body = text.replace('export function createRequire', 'function createRequire');
  return new Function(`${body}\nreturn { createRequire };`)() as Record<string, unknown>;
}
