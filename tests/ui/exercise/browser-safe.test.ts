import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchDockerfileAst } from '../../../src/ui/editor/vite-browser-safe.mjs';

const require = createRequire(import.meta.url);
const utilPath = require.resolve('dockerfile-ast/lib/util.js');

describe('browser-safe dockerfile-ast (the Vite patch for the grader worker)', () => {
  it('replaces the Buffer call and keeps the BOM test right, without Node globals', () => {
    const patched = patchDockerfileAst(readFileSync(utilPath, 'utf8'), utilPath);
    expect(patched).not.toBeNull();
    expect(patched).not.toMatch(/\bBuffer\b/);
    const module = { exports: {} as { Util: { isUTF8BOM(c: string): boolean } } };
    // Run the patched module with Buffer shadowed, as in a browser.
    new Function('exports', 'module', 'Buffer', patched!)(module.exports, module, undefined);
    expect(module.exports.Util.isUTF8BOM('\ufeff')).toBe(true);
    expect(module.exports.Util.isUTF8BOM('F')).toBe(false);
  });

  it('leaves other files alone and stops the build if the call changes', () => {
    expect(patchDockerfileAst('const x = Buffer.from("a")', '/x/node_modules/other/lib/util.js')).toBeNull();
    expect(() => patchDockerfileAst('Buffer.alloc(3)', '/x/node_modules/dockerfile-ast/lib/util.js')).toThrow(/Buffer call changed/);
  });
});
