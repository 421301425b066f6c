import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OverlayError, OverlayRoot } from '../../../src/sim/image/overlay.ts';
import { TreeBuilder, mergeLayers, type Tree } from '../../../src/sim/image/tree.ts';
import { buildLayer, layerTar, listTar } from '../../../src/sim/image/layer.ts';
import { utf8 } from '../../../src/sim/image/digest.ts';

const NAMES = ['a', 'b', 'c'];
const path = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/'));

type Op = { kind: 'write'; p: string; text: string } | { kind: 'mkdir'; p: string } | { kind: 'rm'; p: string } | { kind: 'symlink'; p: string };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), p: path, text: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('mkdir' as const), p: path }),
  fc.record({ kind: fc.constant('rm' as const), p: path }),
  fc.record({ kind: fc.constant('symlink' as const), p: path }),
);

function lower(): Tree {
  return new TreeBuilder(0, utf8).file('/a/a', 'aa').file('/a/b/c', 'abc').dir('/b').file('/c', 'c').tree;
}

/** The visible view: path → type/content, by walking readdir from the root. */
function view(root: OverlayRoot): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of root.readdir(d)) {
      const p = d === '/' ? `/${n}` : `${d}/${n}`;
      const e = root.lstat(p)!;
      out[p] = e.type === 'file' ? `f:${new TextDecoder().decode(e.data ?? new Uint8Array())}` : e.type === 'symlink' ? `l:${e.target}` : 'd';
      if (e.type === 'dir') walk(p);
    }
  };
  walk('/');
  return out;
}

function apply(root: OverlayRoot, o: Op): void {
  try {
    if (o.kind === 'write') root.writeFile(o.p, utf8(o.text));
    else if (o.kind === 'mkdir') root.mkdir(o.p);
    else if (o.kind === 'rm') root.remove(o.p, { recursive: true });
    else root.symlink(o.p, '/c');
  } catch (e) {
    if (!(e instanceof OverlayError)) throw e;
  }
}

describe('overlay invariants (fast-check)', () => {
  it('the merged view equals the lowers with the upperdir applied as one more layer (what commit relies on)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const base = lower();
        const root = new OverlayRoot([base]);
        for (const o of ops) apply(root, o);
        const committed = new OverlayRoot([base, root.toLayerTree()]);
        expect(view(committed)).toEqual(view(root));
        const flat = new OverlayRoot([mergeLayers([base, root.toLayerTree()])]);
        expect(view(flat)).toEqual(view(root));
        for (const c of root.diff()) expect(['A', 'C', 'D']).toContain(c.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('a directory recreated over a deleted one hides the lower contents below it, also after commit (fast-check counterexample)', () => {
    const base = lower();
    const root = new OverlayRoot([base]);
    for (const o of [
      { kind: 'rm', p: '/a' },
      { kind: 'mkdir', p: '/a' },
      { kind: 'mkdir', p: '/a/b' },
    ] as Op[])
      apply(root, o);
    expect(root.readdir('/a/b')).toEqual([]);
    expect(new OverlayRoot([base, root.toLayerTree()]).readdir('/a/b')).toEqual([]);
  });

  it('layer tars are deterministic and list exactly the tree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), async (ops) => {
        const root = new OverlayRoot([lower()]);
        for (const o of ops) apply(root, o);
        const tree = root.toLayerTree();
        const [a, b] = [await buildLayer(tree), await buildLayer(new Map(tree))];
        expect(a.diffId).toBe(b.diffId);
        expect(a.digest).toBe(b.digest);
        const names = (await listTar(await layerTar(tree))).map((e) => e.name);
        expect(names.length).toBe(tree.size + [...tree.values()].filter((e) => e.type === 'dir' && e.opaque).length);
      }),
      { numRuns: 60 },
    );
  });
});
