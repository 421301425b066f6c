/**
 * The strategic merge patch port (src/sim/k8s/patch/strategic.ts) against kubernetes/apimachinery@v0.30.5
 * pkg/util/strategicpatch/patch_test.go's own tables (fixtures/strategicpatch-v0.30.5.yaml, copied as they are), over
 * its MergeItem schema: every two-way patch applied to its original gives the modified (or twoWayResult) document,
 * every three-way patch applied to the current one gives the result, and the raw cases that expect an error fail
 * with it. As in testPatchApplication, the YAML tables' documents have their merging lists sorted first
 * (sortMergeListsByName), the raw ones are taken as they are, and results are compared with their order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StrategicError } from '../../../src/sim/k8s/patch/errors.ts';
import { type PatchMeta, type Schema, schemaFor } from '../../../src/sim/k8s/patch/patchmeta.ts';
import { mergeMap } from '../../../src/sim/k8s/patch/strategic.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

// patch_test.go MergeItem and RetainKeysMergeItem, with their tags.
const ITEM = {
  name: 'string',
  value: 'string',
  other: 'string',
  mergingList: '[]MergeItem',
  nonMergingList: '[]MergeItem',
  mergingIntList: '[]int64',
  nonMergingIntList: '[]int64',
  mergeItemPtr: '*MergeItem',
  simpleMap: '{}string',
  replacingItem: 'any',
  retainKeysMap: 'RetainKeysMergeItem',
  retainKeysMergingList: '[]MergeItem',
};
const MODELS = {
  MergeItem: ITEM,
  RetainKeysMergeItem: {
    name: 'string',
    value: 'string',
    other: 'string',
    simpleMap: '{}string',
    mergingIntList: '[]int64',
    mergingList: '[]MergeItem',
    nonMergingList: '[]MergeItem',
  },
};
const tag = (s: string, mergeKey = ''): PatchMeta => ({ strategies: s.split(','), mergeKey });
const TAGS = {
  'MergeItem.mergingList': tag('merge', 'name'),
  'MergeItem.mergingIntList': tag('merge'),
  'MergeItem.mergeItemPtr': tag('merge', 'name'),
  'MergeItem.replacingItem': tag('replace'),
  'MergeItem.retainKeysMap': tag('retainKeys'),
  'MergeItem.retainKeysMergingList': tag('merge,retainKeys', 'name'),
  'RetainKeysMergeItem.mergingIntList': tag('merge'),
  'RetainKeysMergeItem.mergingList': tag('merge', 'name'),
};
const SCHEMA = schemaFor('MergeItem', MODELS, TAGS);

/** fmt %v of a scalar, for SortableSliceOf… (string order of their %v). */
const str = (v: unknown) => String(v);

/** sortMergeListsByNameMap: merging lists sorted by their merge key, merging scalar lists deduplicated and sorted. */
function sortMergeLists(m: Obj, schema: Schema): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(m)) {
    let x = v;
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) x = [...(v as unknown[])].sort((a, b) => (str(a) < str(b) ? -1 : 1));
    else if (!k.startsWith('$setElementOrder') && k !== '$patch') {
      // A pointer (`*MergeItem`) is looked up as its element, as a struct or as a list's items.
      const t = schema.type ? schema.models[schema.type]?.[k]?.replace(/^\*/, '') : undefined;
      if (isObj(v) && t && t in schema.models) x = sortMergeLists(v, { ...schema, type: t });
      else if (Array.isArray(v) && t && (t.startsWith('[]') || t in schema.models)) {
        const meta = schema.tags[`${schema.type}.${k}`];
        if (meta?.strategies.includes('merge') && v.length) {
          const el = t.replace(/^\[\]/, '');
          if (!isObj(v[0])) x = [...new Set(v)].sort((a, b) => (str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0));
          else
            x = v
              .map((e) => sortMergeLists(e as Obj, { ...schema, type: el }))
              .sort((a, b) => (str(a[meta.mergeKey]) < str(b[meta.mergeKey]) ? -1 : str(a[meta.mergeKey]) > str(b[meta.mergeKey]) ? 1 : 0));
        }
      }
    }
    out[k] = x;
  }
  return out;
}

interface Case {
  description: string;
  original?: Obj;
  twoWay?: Obj;
  modified?: Obj;
  current?: Obj;
  threeWay?: Obj;
  result?: Obj;
  twoWayResult?: Obj;
  expectedError?: string;
}
type RawCase = { [K in keyof Case]?: string };

const FIXTURE = parse(readFileSync(join(import.meta.dirname, 'fixtures/strategicpatch-v0.30.5.yaml'), 'utf8')) as {
  custom: Case[];
  create: Case[];
  customRaw: RawCase[];
  raw: RawCase[];
};

/** StrategicMergePatch over copies; the error's text when it fails. */
function apply(original: Obj | undefined, patch: Obj | undefined): Obj | string {
  try {
    return mergeMap(structuredClone(original ?? {}), structuredClone(patch ?? {}), SCHEMA);
  } catch (e) {
    if (e instanceof StrategicError) return e.message;
    throw e;
  }
}

const doc = (t: string | undefined): Obj | undefined => (t === undefined ? undefined : ((parse(t) as Obj | null) ?? {}));

describe('strategicpatch test tables (apimachinery v0.30.5 patch_test.go)', () => {
  const sorted = (o: Obj | undefined) => (o ? sortMergeLists(o, SCHEMA) : undefined);
  for (const c of [...FIXTURE.custom, ...FIXTURE.create]) {
    it(`${c.description}`, () => {
      if (c.twoWay) expect(apply(sorted(c.original), sorted(c.twoWay))).toEqual(sorted(c.twoWayResult ?? c.modified) ?? {});
      if (c.threeWay && c.result) expect(apply(sorted(c.current), sorted(c.threeWay))).toEqual(sorted(c.result));
    });
  }
  for (const r of [...FIXTURE.customRaw, ...FIXTURE.raw]) {
    it(`raw: ${r.description}`, () => {
      const c = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'description' || k === 'expectedError' ? v : doc(v)])) as unknown as Case;
      if (c.twoWay) {
        const got = apply(c.original, c.twoWay);
        if (r.expectedError) expect(got).toEqual(expect.stringContaining(r.expectedError));
        else expect(got).toEqual(c.twoWayResult ?? c.modified ?? {});
      }
      if (c.threeWay && c.result) expect(apply(c.current, c.threeWay)).toEqual(c.result);
    });
  }
});
