/**
 * Fuzzing the checker and the reference parser with fast-check (issue #17). Shared by the
 * short run in `npm test` (tests/fuzz/*.test.ts) and the long run (`npm run fuzz`,
 * scripts/fuzz.ts). Seeds: every exercise's start and solution text and every rule
 * fixture; mutations: textual (lines, indentation, YAML punctuation, anchors, tags, line
 * endings, prototype names), structural (a value anywhere replaced by another shape)
 * and Dockerfile-specific (instructions, heredocs, continuations, flags, ARGs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { checkFiles } from '../../src/checker/engine.ts';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { applyFix, FixError } from '../../src/checker/fix.ts';
import { grade } from '../../src/checker/grade.ts';
import { parseManifests } from '../../src/checker/parse/yaml.ts';
import type { FileResult } from '../../src/checker/types.ts';
import { explainReference } from '../../src/oci/explain.ts';
import {
  familiarString,
  ImageReferenceError,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  referenceString,
  validateDigest,
} from '../../src/oci/reference.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';

const ROOT = join(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export const exercises: Exercise[] = readdirSync(join(ROOT, 'content/exercises'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = loadExercise(readFileSync(join(ROOT, 'content/exercises', f), 'utf8'), f);
    if ('error' in r) throw new Error(r.error);
    return r.exercise;
  });

const isDockerfileName = (n: string) => /Dockerfile|\.dockerfile$/i.test(n);
const texts = exercises.flatMap((e) =>
  'start' in e && 'solution' in e && !Array.isArray(e.solution)
    ? [...Object.entries(e.start as Record<string, string>), ...Object.entries(e.solution as Record<string, string>)]
    : [],
);
const fixtures = walk(join(ROOT, 'tests/rules'))
  .filter((p) => /\.(ya?ml|json)$|Dockerfile/.test(p))
  .map((p) => [p, readFileSync(p, 'utf8')] as const);
export const yamlSeeds = [
  ...texts.filter(([n]) => /\.(ya?ml|json)$/.test(n)).map(([, t]) => t),
  ...fixtures.filter(([p]) => !isDockerfileName(p)).map(([, t]) => t),
];
export const dockerfileSeeds = [
  ...texts.filter(([n]) => isDockerfileName(n)).map(([, t]) => t),
  ...fixtures.filter(([p]) => isDockerfileName(p)).map(([, t]) => t),
];
export const starters = texts.filter(([n]) => /\.(ya?ml|json)$/.test(n)).map(([, t]) => t);

/** Punctuation and names that broke the checker before (the review's C1–C4, F1–F3) and YAML's sharp edges. */
const YAML_BITS = [
  'securityContext:',
  'securityContext: {}',
  "securityContext: ''",
  'securityContext: [{}]',
  'capabilities:',
  'capabilities: []',
  'capabilities: {}',
  'drop: ALL',
  'drop: [ALL]',
  'add: [NET_BIND_SERVICE]',
  'privileged: true',
  'allowPrivilegeEscalation: !!binary dHJ1ZQ==',
  'runAsNonRoot: !!str true',
  'seccompProfile: {type: {toString: }}',
  'memory: {toString: }',
  'kind: constructor',
  'kind: __proto__',
  'kind: !!float Pod',
  'toString:',
  'valueOf: 1',
  'hasOwnProperty: x',
  'constructor: {}',
  'containers: 5',
  'containers: [nginx]',
  '- ',
  '-',
  '? ',
  ': ',
  '&a ',
  '*a',
  '&b [1, 2]',
  '<<: *a',
  '!!binary ',
  '!custom ',
  '!!python/object:os.system ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u202e',
  '\u001b[31m',
  'é',
  '🐳',
  '~',
  'null',
  '0x1F',
  '1e400',
  '-.inf',
  '.nan',
  '2024-01-01',
  'y',
  'no',
  '"\\x01"',
  'image: nginx@sha256:' + 'a'.repeat(64),
  'image: UPPER::@@',
];
const DF_BITS = [
  'FROM alpine',
  'FROM alpine:3.20 AS build',
  'FROM build',
  'FROM ${constructor}',
  'FROM scratch',
  'ARG toString=1',
  'ARG BASE=alpine',
  'FROM $BASE',
  'USER root',
  'USER 1000',
  'USER',
  'RUN <<EOF',
  'EOF',
  'RUN <<-EOT\n\techo\n\tEOT',
  'RUN apt-get update && apt-get install -y curl',
  'RUN \\',
  '\\',
  'COPY . .',
  'COPY --from=build /a /b',
  'COPY --__proto__=x . /',
  'ADD https://x/y /z',
  'EXPOSE 80',
  'EXPOSE constructor',
  'CMD ["a"]',
  'CMD ["a"',
  'ENTRYPOINT /x.sh',
  'HEALTHCHECK NONE',
  'ONBUILD RUN x',
  'SHELL ["/bin/sh", "-c"]',
  '# escape=`',
  '# syntax=docker/dockerfile:1',
  'WORKDIR /app',
  'ENV A=1 B=2',
  'LABEL a=b',
  'STOPSIGNAL SIGTERM',
  'VOLUME /data',
  'BOGUS x',
  '\r',
  '\t',
  '\ufeff',
  '\u2028',
  '`',
  '"',
  "'",
];

type Mutation = (lines: string[]) => string[];

function textMutation(bits: string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    at.map((i) => (l: string[]) => l.filter((_, j) => j !== i % Math.max(1, l.length))),
    at.map((i) => (l: string[]) => {
      const k = i % Math.max(1, l.length);
      return [...l.slice(0, k + 1), l[k] ?? '', ...l.slice(k + 1)];
    }),
    fc.tuple(at, at).map(([i, j]) => (l: string[]) => {
      const c = [...l];
      const a = i % Math.max(1, c.length);
      const b = j % Math.max(1, c.length);
      [c[a], c[b]] = [c[b] ?? '', c[a] ?? ''];
      return c;
    }),
    fc.tuple(at, fc.constantFrom(...bits), fc.nat(12)).map(([i, bit, indent]) => (l: string[]) => {
      const k = i % (l.length + 1);
      return [...l.slice(0, k), ' '.repeat(indent) + bit, ...l.slice(k)];
    }),
    fc.tuple(at, at, fc.constantFrom(...bits)).map(([i, j, bit]) => (l: string[]) => {
      const c = [...l];
      const k = i % Math.max(1, c.length);
      const s = c[k] ?? '';
      const p = j % (s.length + 1);
      c[k] = s.slice(0, p) + bit + s.slice(p);
      return c;
    }),
    fc.tuple(at, fc.integer({ min: -4, max: 4 })).map(([i, d]) => (l: string[]) => {
      const c = [...l];
      const k = i % Math.max(1, c.length);
      c[k] = d > 0 ? ' '.repeat(d) + (c[k] ?? '') : (c[k] ?? '').slice(-d);
      return c;
    }),
    at.map((i) => (l: string[]) => {
      const s = l.join('\n');
      return s.slice(0, i % (s.length + 1)).split('\n');
    }),
    fc.constantFrom<Mutation>(
      (l) => l.map((x) => `${x}\r`),
      (l) => [l.join('\r')],
      (l) => [`\ufeff${l[0] ?? ''}`, ...l.slice(1)],
    ),
    fc.string({ unit: 'binary', maxLength: 6 }).chain((s) =>
      at.map((i) => (l: string[]) => {
        const c = [...l];
        const k = i % Math.max(1, c.length);
        c[k] = (c[k] ?? '') + s;
        return c;
      }),
    ),
  );
}

/** A value anywhere in the parsed seed replaced by another shape, then written as YAML (block or flow) or JSON. */
const structural: fc.Arbitrary<(seed: string) => string> = fc
  .tuple(
    fc.nat(),
    fc.oneof(
      fc.constantFrom<unknown>(null, '', [], {}, [{}], 0, true, 'ALL', ['ALL'], { toString: null }, { drop: 'ALL' }, [''], 'constructor', { __proto__x: 1 }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    fc.constantFrom<'block' | 'flow' | 'json'>('block', 'flow', 'json'),
    fc.constantFrom('replace', 'rename', 'delete', 'wrap'),
    fc.constantFrom<string>('constructor', 'toString', 'valueOf', '__proto__', 'kind', 'securityContext', 'capabilities', 'containers', 'x'),
  )
  .map(([pick, value, style, how, name]) => (seed: string) => {
    let doc: unknown;
    try {
      doc = parseYaml(seed, { uniqueKeys: false, maxAliasCount: 100, logLevel: 'error' });
    } catch {
      return seed;
    }
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const visit = (v: unknown, depth: number) => {
      if (depth > 12 || v === null || typeof v !== 'object') return;
      for (const k of Object.keys(v)) {
        slots.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
        visit((v as Record<string, unknown>)[k], depth + 1);
      }
    };
    visit(doc, 0);
    if (slots.length) {
      const [parent, key] = slots[pick % slots.length]!;
      const p = parent as { [k: string | number]: unknown };
      if (how === 'replace') p[key] = value;
      else if (how === 'delete') delete p[key];
      else if (how === 'wrap') p[key] = [p[key]];
      else if (!Array.isArray(parent) && name !== '__proto__') {
        p[name] = p[key];
        delete p[key];
      }
    }
    try {
      return style === 'json' ? JSON.stringify(doc) : stringify(doc, { collectionStyle: style, aliasDuplicateObjects: false });
    } catch {
      return seed;
    }
  });

export const manifestInput: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...yamlSeeds), fc.array(textMutation(YAML_BITS), { minLength: 1, maxLength: 4 }))
      .map(([s, ms]) => ms.reduce((l, m) => m(l), s.split('\n')).join('\n')),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...yamlSeeds), structural).map(([s, f]) => f(s)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...yamlSeeds), structural, fc.array(textMutation(YAML_BITS), { maxLength: 2 }))
      .map(([s, f, ms]) => ms.reduce((l, m) => m(l), f(s).split('\n')).join('\n')),
  },
);

export const dockerfileInput: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...dockerfileSeeds), fc.array(textMutation(DF_BITS), { minLength: 1, maxLength: 5 }))
  .map(([s, ms]) => ms.reduce((l, m) => m(l), s.split('\n')).join('\n'));

export interface CaseReport {
  ms: number;
  fixes: number;
}

function assertPositions(results: FileResult[]): void {
  for (const r of results) {
    for (const x of [...r.findings, ...r.errors]) {
      if (!(Number.isInteger(x.line) && x.line >= 1 && Number.isInteger(x.column) && x.column >= 1))
        throw new Error(`bad position ${x.line}:${x.column} in ${r.file}`);
    }
    structuredClone(r); // what the browser's grader worker posts
  }
}

const yamlExercise = exercises.find((e) => e.id === 'e11.1')!;
const dfExercise = exercises.find((e) => e.kind === 'dockerfile')!;

/**
 * One fuzz case: check the manifest (and, if given, a Dockerfile with it), apply up to
 * three offered fixes (it must give text that parses, or refuse with a FixError), and grade
 * the text for one YAML and one Dockerfile exercise. Throws on any other exception.
 */
export function checkCase(manifest: string, dockerfile: string | null): CaseReport {
  const t = performance.now();
  const files = [{ name: 'pod.yaml', text: manifest }, ...(dockerfile !== null ? [{ name: 'Dockerfile', text: dockerfile }] : [])];
  const results = checkFiles(files, { profile: 'restricted' });
  assertPositions(results);
  const parsedBefore = parseManifests(manifest, 'pod.yaml').errors.length === 0;
  let fixes = 0;
  // At most three fixes a case (each one parses, prints, re-parses and re-checks the file).
  for (const f of results[0]!.findings.filter((x) => x.fix).slice(0, 3)) {
    if (!f.fix) continue;
    let out: string;
    try {
      out = applyFix(manifest, f.fix);
    } catch (e) {
      if (e instanceof FixError) continue;
      throw e;
    }
    fixes++;
    if (parsedBefore && parseManifests(out, 'pod.yaml').errors.length) throw new Error(`the fix for ${f.rule} made the file unparseable:\n${out}`);
    assertPositions(checkFiles([{ name: 'pod.yaml', text: out }], { profile: 'restricted' }));
  }
  grade(yamlExercise, { files: { 'pod.yaml': manifest } });
  if (dockerfile !== null && dfExercise.kind === 'dockerfile') grade(dfExercise, { files: { ...dfExercise.solution, Dockerfile: dockerfile } });
  return { ms: performance.now() - t, fixes };
}

export const checkerCase = fc.tuple(manifestInput, fc.option(dockerfileInput, { freq: 3 }));

/** Reference strings: grammar-built ones with mutations, random unicode, and long repeated units that probe backtracking. */
const refPart = fc.constantFrom(
  'docker.io',
  'localhost:5000',
  'a.b',
  'A',
  'nginx',
  'library',
  '_',
  '-',
  '.',
  '__',
  ':',
  '@',
  '/',
  'sha256:',
  'constructor:',
  'toString',
  '0123456789abcdef'.repeat(4),
  'latest',
  '1.27',
  'é',
  '\u202e',
  '\u001b',
  ' ',
  '\ud800',
);
export const referenceInput: fc.Arbitrary<string> = fc.oneof(
  fc.array(refPart, { maxLength: 10 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.tuple(fc.constantFrom('a-', 'a.', 'a__', '[', ':1', 'a.b/', 'a/', '@', 'aA'), fc.integer({ min: 10, max: 3000 })).map(([u, n]) => u.repeat(n)),
);

/** One reference case: only ImageReferenceError is thrown, and a valid reference round-trips. */
export function referenceCase(s: string): CaseReport {
  const t = performance.now();
  for (const f of [parseNormalizedNamed, parseAnyReference, parseDockerRef]) {
    try {
      const r = f(s);
      if (f === parseNormalizedNamed) {
        const again = parseNormalizedNamed(referenceString(r));
        if (referenceString(again) !== referenceString(r)) throw new Error(`round trip changed ${JSON.stringify(s)}`);
        familiarString(r);
      }
    } catch (e) {
      if (!(e instanceof ImageReferenceError)) throw e;
    }
  }
  validateDigest(s);
  explainReference(s, 'en');
  explainReference(s, 'zh-cn');
  return { ms: performance.now() - t, fixes: 0 };
}
