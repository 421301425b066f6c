import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Docker subcommands (issue #9, item 3): each file under src/sim/shell/commands/docker/ defines
 * at most one subcommand (one `defineCommand(…)`), or none (a kit file: define.ts, help.ts,
 * registry.ts, shared helpers). The registry loads each with a dynamic import, so no file
 * reaches a command's code statically through the registry or the dispatcher.
 */
const DIR = join(import.meta.dirname, '..', 'src', 'sim', 'shell', 'commands', 'docker');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const source = (f: string) => ts.createSourceFile(f, readFileSync(join(DIR, f), 'utf8'), ts.ScriptTarget.Latest, true);

/** Calls of `defineCommand(…)` in a file. */
function definitions(sf: ts.SourceFile): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineCommand') n++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

/** Static import specifiers of a file (import declarations, not `import(…)`). */
const staticImports = (sf: ts.SourceFile) =>
  sf.statements
    .filter(ts.isImportDeclaration)
    .filter((d) => !d.importClause?.isTypeOnly)
    .map((d) => (d.moduleSpecifier as ts.StringLiteral).text);

/** The registry's two files: registry.ts and the groups it takes from registry-more.ts. */
const REGISTRY = ['registry.ts', 'registry-more.ts'];

/** The files the registry loads: `import('./x.ts')`. */
function loaded(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      out.push((node.arguments[0] as ts.StringLiteral).text.replace('./', ''));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('docker subcommands: one per file, loaded lazily', () => {
  it('each file under commands/docker/ defines at most one subcommand', () => {
    const many = files.filter((f) => definitions(source(f)) > 1);
    expect(many).toEqual([]);
  });
  it('every file the registry loads defines exactly one, as its default export', () => {
    const targets = [...new Set(REGISTRY.flatMap((f) => loaded(source(f))))];
    expect(targets.length).toBeGreaterThan(40);
    for (const t of targets) {
      const sf = source(t);
      expect(definitions(sf), t).toBe(1);
      expect(
        sf.statements.some((s) => ts.isExportAssignment(s)),
        t,
      ).toBe(true);
    }
  });
  it('every subcommand file is registered (no orphan definitions)', () => {
    const targets = new Set(REGISTRY.flatMap((f) => loaded(source(f))));
    expect(files.filter((f) => definitions(source(f)) === 1 && !targets.has(f))).toEqual([]);
  });
  it('the registry and the dispatcher import no subcommand statically', () => {
    for (const f of [...REGISTRY, 'index.ts', 'complete.ts']) {
      const bad = staticImports(source(f)).filter((s) => s.startsWith('./') && definitions(source(s.slice(2))) > 0);
      expect(bad, f).toEqual([]);
    }
  });
});
