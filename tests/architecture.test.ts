import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * src/sim and src/checker run in the browser, the CLI and CI alike: they must not
 * touch the DOM or Node's built-ins. (Their tsconfigs leave out the DOM library; Node's
 * types reach the compiler through dependencies' typings, so this test guards Node.)
 */
const ROOT = join(import.meta.dirname, '..');
const PURE = ['src/sim', 'src/checker', 'src/oci'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Identifiers used as values (not property names, not type names) that name DOM or Node globals. */
const BANNED = new Set([
  'document',
  'window',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'navigator',
  'process',
  'Buffer',
  'require',
  'global',
  '__dirname',
]);

function bannedGlobals(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && BANNED.has(node.text)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isPropertyAssignment(p) && p.name === node) ||
        ts.isPropertySignature(p) ||
        ts.isPropertyDeclaration(p) ||
        ts.isMethodDeclaration(p) ||
        (ts.isParameter(p) && p.name === node) ||
        (ts.isVariableDeclaration(p) && p.name === node) ||
        ts.isTypeReferenceNode(p) ||
        ts.isImportSpecifier(p) ||
        ts.isBindingElement(p) ||
        ts.isShorthandPropertyAssignment(p);
      if (!isPropertyName) found.push(`${node.text} (line ${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const NODE_BUILTINS = new Set([
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'util',
  'zlib',
  'stream',
  'buffer',
  'process',
  'events',
  'worker_threads',
  'module',
  'net',
  'http',
  'https',
  'tls',
  'dns',
  'readline',
  'vm',
  'v8',
  'perf_hooks',
  'timers',
  'assert',
  'cluster',
  'dgram',
  'inspector',
  'querystring',
  'string_decoder',
  'tty',
]);

/**
 * Module specifiers the file imports, found in the AST: import and export declarations,
 * `import x = require(…)`, dynamic `import(…)` and `require(…)` calls.
 */
function importedModules(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      out.push(node.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression))
      out.push(node.moduleReference.expression.text);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const arg = node.arguments[0];
      out.push(arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed>');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Node's globals reached through globalThis (`globalThis.process`, `globalThis['Buffer']`). */
function globalThisAccess(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'globalThis' && BANNED.has(node.name.text))
      found.push(`globalThis.${node.name.text}`);
    if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'globalThis' &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      BANNED.has(node.argumentExpression.text)
    )
      found.push(`globalThis['${node.argumentExpression.text}']`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function nodeImports(file: string, text: string): string[] {
  return importedModules(file, text).filter((s) => s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!) || s === '<computed>');
}

describe('the guard itself', () => {
  it('finds node: imports, require, dynamic imports and Node globals in any form', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import fs from 'fs';",
      "export { join } from 'path';",
      "const cp = await import('node:child_process');",
      "const m = require('os');",
      "import zlib = require('zlib');",
      "type T = import('node:buffer').Buffer;",
      'const b = Buffer.from("x");',
      'if (process.env.X) {}',
      'const p = globalThis.process;',
      "const q = globalThis['Buffer'];",
    ].join('\n');
    expect(nodeImports('x.ts', bad)).toEqual(['node:fs', 'fs', 'path', 'node:child_process', 'os', 'zlib', 'node:buffer']);
    expect(bannedGlobals('x.ts', bad).map((s) => s.split(' ')[0])).toEqual(['require', 'Buffer', 'Buffer', 'process']);
    expect(globalThisAccess('x.ts', bad)).toEqual(['globalThis.process', "globalThis['Buffer']"]);
    expect(nodeImports('x.ts', "import { parse } from 'yaml';\nimport type { X } from './types.ts';")).toEqual([]);
    expect(bannedGlobals('x.ts', 'const o = { process: 1, Buffer: 2 }; o.process; function f(require: number) { return 1; }')).toEqual([]);
  });
});

describe('pure modules stay pure', () => {
  for (const dir of PURE) {
    for (const file of files(join(ROOT, dir))) {
      const rel = relative(ROOT, file);
      it(rel, () => {
        const text = readFileSync(file, 'utf8');
        expect(nodeImports(rel, text), `${rel} imports Node built-ins`).toEqual([]);
        expect(bannedGlobals(rel, text), `${rel} uses DOM or Node globals`).toEqual([]);
        expect(globalThisAccess(rel, text), `${rel} reaches Node globals through globalThis`).toEqual([]);
      });
    }
  }
});
