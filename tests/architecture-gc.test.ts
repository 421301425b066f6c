/**
 * Patterns that make V8 keep a dropped world alive through every young-generation collection (a scavenge) until the
 * next full one, measured in issue #10 (src/sim/bench.ts's p99: each scavenge copied every world made since the last
 * full collection, ~0.7 MB each, 7–15 ms a pause):
 *
 * - A function literal assigned straight to a property (`x.onFoo = () => …`, `this.f = function () {…}`): V8's parser
 *   marks it pretenured (FunctionLiteral::set_pretenure for an assignment's value) and allocates the closure in old
 *   space. A scavenge takes every old object as live, so the closure's context, and all it reaches (`this`, the world),
 *   is copied and promoted while that old closure waits for a full collection. Bind it first (`const f = …; x.onFoo = f`):
 *   a closure made in a declaration is young and dies with its world. (`%InYoungGeneration` under
 *   --allow-natives-syntax shows both.)
 * - A getter or setter made per object (`{ get x() {…} }` in a function, `Object.defineProperty(o, k, { get })`):
 *   V8 keeps it in an AccessorPair it allocates in old space, with the same effect. Use a class (its getters are made
 *   once, on the prototype) or a function field.
 *
 * src/sim (and the domain libraries it uses) run one world per page, but the CLI and the bench make many in one
 * process, and a page's world drops its containers and command contexts all the time.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const DIRS = ['src/sim', 'src/k8s', 'src/oci'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.generated.ts') ? [p] : [];
  });
}

const isFunctionLiteral = (n: ts.Node): boolean => {
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
};

/** Whether `n` runs inside a function (module-level code runs once per process: its closures live as long anyway). */
const inFunction = (n: ts.Node): boolean => {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return true;
  return false;
};

/** `x.y = () => …` and `x[k] = function …` inside a function (also `??=`, `||=`, chained `a.b = c.d = () => …`). */
function pretenuredClosures(sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.EqualsToken,
        ts.SyntaxKind.QuestionQuestionEqualsToken,
        ts.SyntaxKind.BarBarEqualsToken,
        ts.SyntaxKind.AmpersandAmpersandEqualsToken,
      ].includes(node.operatorToken.kind) &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
      isFunctionLiteral(node.right) &&
      inFunction(node)
    ) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push(`${line + 1}: ${node.left.getText(sf)} = <function literal>`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A property descriptor: an object literal passed to Object.defineProperty/defineProperties/create (or a value in one). */
const isDescriptor = (lit: ts.Node): boolean => {
  for (let p: ts.Node | undefined = lit, up = 0; p && up < 4; p = p.parent, up++)
    if (ts.isCallExpression(p) && /^(Object|Reflect)\.(defineProperty|defineProperties|create)$/.test(p.expression.getText())) return true;
  return false;
};

/** Getters and setters made inside a function (an object literal's, or a descriptor's `get`/`set`), not a class's. */
function perObjectAccessors(sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const accessorInLiteral = (ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && ts.isObjectLiteralExpression(node.parent);
    const descriptorAccessor =
      ts.isPropertyAssignment(node) &&
      ['get', 'set'].includes(node.name.getText(sf)) &&
      isFunctionLiteral(node.initializer) &&
      ts.isObjectLiteralExpression(node.parent) &&
      isDescriptor(node.parent);
    if ((accessorInLiteral || descriptorAccessor) && inFunction(node)) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push(`${line + 1}: ${node.getText(sf).split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no V8 pattern that keeps dropped worlds alive through scavenges', () => {
  const all = DIRS.flatMap((d) => files(join(ROOT, d)));
  it('assigns no function literal straight to a property (bind it to a const first)', () => {
    const bad = all.flatMap((f) => {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      return pretenuredClosures(sf).map((s) => `${relative(ROOT, f)}:${s}`);
    });
    expect(bad).toEqual([]);
  });
  it('makes no getter or setter per object (a class getter, or a function field)', () => {
    const bad = all.flatMap((f) => {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      return perObjectAccessors(sf).map((s) => `${relative(ROOT, f)}:${s}`);
    });
    expect(bad).toEqual([]);
  });
});

/**
 * Module-level WeakMaps that may stay: their keys live as long as the process (a fixture, a catalog definition, a
 * class, a flag table), or their values reach nothing of a world. Any other module-level WeakMap is keyed by a world's
 * objects: keep its data on the key (src/sim/attached.ts), since V8's scavenges kept such a map's values, and through
 * them every dropped world, until the next full collection (issue #10: createWorld alone went 1.5 MB → 0.2 MB copied
 * a scavenge when the maps keyed by Host, Bash and Kernel moved to attached.ts).
 */
const PROCESS_WIDE_WEAKMAPS = new Set([
  'src/sim/host.ts:bootParts', // Fixture
  'src/sim/image/bases/define.ts:archMemo', // BaseImageDef (the catalog)
  'src/sim/image/bases/define.ts:matMemo',
  'src/sim/image/service.ts:hashed', // a blob's bytes → its digest (a string)
  'src/sim/image/overlay.ts:childIndex', // a layer tree → its directory listing (strings)
  'src/sim/image/adapter.ts:described', // an image → what a root reads of it (strings)
  'src/sim/image/adapter.ts:pathsOf',
  'src/sim/shell/cowentries.ts:classes', // just-bash's InMemoryFs class
  'src/sim/shell/simfs.ts:classes',
  'src/sim/shell/shared.ts:adapted', // a command's registry row
  'src/sim/shell/roottemplate.ts:ids', // a template → a number
  'src/sim/shell/args.ts:tableMemo', // flag tables
  'src/sim/shell/commands/docker/define.ts:defsMemo',
  'src/sim/shell/commands/kubectl/common.ts:withGlobals',
  'src/sim/fs/kubeadm-files.ts:cache', // Fixture
]);

describe('module-level WeakMaps are keyed by what lives as long as the process', () => {
  it('lists each one here, or keeps the data on the key (attached.ts)', () => {
    const found: string[] = [];
    for (const f of DIRS.flatMap((d) => files(join(ROOT, d)))) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const st of sf.statements)
        if (ts.isVariableStatement(st))
          for (const d of st.declarationList.declarations)
            if (d.initializer && ts.isNewExpression(d.initializer) && d.initializer.expression.getText(sf) === 'WeakMap')
              found.push(`${relative(ROOT, f)}:${d.name.getText(sf)}`);
    }
    expect(found.filter((k) => !PROCESS_WIDE_WEAKMAPS.has(k))).toEqual([]);
    expect([...PROCESS_WIDE_WEAKMAPS].filter((k) => !found.includes(k))).toEqual([]);
  });
});
