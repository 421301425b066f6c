/**
 * Issue #14: the chunk holding the terminal's session (xterm.js) starts with V8's compile hint, and only that chunk
 * (src/ui/terminal/vite-compile-hints.mjs).
 */
import { describe, expect, it } from 'vitest';
import { sessionCompileHint } from '../../src/ui/terminal/vite-compile-hints.mjs';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const chunk = (moduleIds: string[], code: string) => ({ type: 'chunk', moduleIds, code });

describe('sessionCompileHint', () => {
  it('puts the magic comment first in the session chunk, once, and leaves the other chunks', () => {
    const bundle = {
      'session.js': chunk(['/repo/node_modules/@xterm/xterm/lib/xterm.mjs', '/repo/src/ui/terminal/session.ts'], 'import"./a.js";'),
      'load.js': chunk(['/repo/src/ui/terminal/load.ts'], 'export{};'),
      'xterm.css': { type: 'asset', source: '.xterm{}' },
    };
    const generate = sessionCompileHint().generateBundle as Hook;
    generate.call({}, {}, bundle, false);
    generate.call({}, {}, bundle, false);
    expect(bundle['session.js'].code).toBe('//# allFunctionsCalledOnLoad\nimport"./a.js";');
    expect(bundle['load.js'].code).toBe('export{};');
  });
});
