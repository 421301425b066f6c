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
const BANNED = new Set(['document', 'window', 'localStorage', 'sessionStorage', 'HTMLElement', 'navigator', 'process', 'Buffer', 'require', 'global', '__dirname']);

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

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'zlib', 'stream', 'buffer', 'process', 'events', 'worker_threads'];

describe('pure modules stay pure', () => {
  for (const dir of PURE) {
    for (const file of files(join(ROOT, dir))) {
      const rel = relative(ROOT, file);
      it(rel, () => {
        const text = readFileSync(file, 'utf8');
        const imports = [...text.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
        const bad = imports.filter((s) => s.startsWith('node:') || NODE_BUILTINS.includes(s));
        expect(bad, `${rel} imports Node built-ins`).toEqual([]);
        expect(bannedGlobals(rel, text), `${rel} uses DOM or Node globals`).toEqual([]);
      });
    }
  }
});
