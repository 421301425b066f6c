/** Bad input: every case gets a clear error with a position, in bounded time. */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/checker/engine.ts';
import { parseManifests } from '../../src/checker/parse/yaml.ts';
import { decodeInput } from '../../src/checker/parse/text.ts';

function errorsOf(text: string) {
  const t = Date.now();
  const m = parseManifests(text, 'in.yaml');
  expect(Date.now() - t).toBeLessThan(2000);
  return m.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

describe('bad YAML input', () => {
  it('invalid YAML points at the problem', () => {
    expect(errorsOf('kind: Pod\nspec:\n  containers:\n  - name: a\n   image: x\n')).toEqual(['5:1 Sequence item without - indicator']);
  });
  it('a billion-laughs alias bomb is refused quickly', () => {
    expect(errorsOf(bomb)).toEqual(['5:8 aliases expand to more than 10000 nodes (at alias *d); write the content out or use fewer aliases']);
  });
  it('1000-deep nesting is refused with a position', () => {
    expect(errorsOf('a: ' + '['.repeat(1000) + ']'.repeat(1000))[0]).toMatch(/^1:\d+ /);
    const block = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(errorsOf(block)).toEqual(['65:65 nesting is deeper than 64 levels']);
    expect(errorsOf('a:\n' + Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 1)}- b:`).join('\n') + ' 1\n')).toEqual([
      '64:129 nesting is deeper than 64 levels',
    ]);
  });
  it('a 10 MB file is refused before parsing', () => {
    expect(errorsOf('a: b\n'.repeat(2_100_000))).toEqual(['1:1 file is too large (10.0 MB); the limit is 1.0 MB']);
  });
  it('binary bytes are refused with their position', () => {
    expect(errorsOf('kind: Pod\nx: a\u0000b\n')).toEqual(['2:5 file looks binary (it contains a NUL byte); expected YAML or a Dockerfile']);
  });
  it('invalid UTF-8 is refused with its position', () => {
    const bytes = new Uint8Array([0x6b, 0x3a, 0x20, 0x0a, 0x76, 0x3a, 0x20, 0xc3, 0x28, 0x0a]);
    expect(decodeInput(bytes, 'x.yaml')).toEqual({ error: { file: 'x.yaml', line: 2, column: 4, message: 'file is not valid UTF-8 (byte 0xc3 at offset 7)' } });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'x.yaml')).toEqual({ text: 'a' });
  });
  it('duplicate keys are an error', () => {
    expect(errorsOf('kind: Pod\nmetadata:\n  name: a\n  name: b\n')).toEqual(['4:3 Map keys must be unique']);
  });
  it('__proto__ keys are refused', () => {
    expect(errorsOf('kind: Pod\nmetadata:\n  __proto__: {polluted: true}\n')).toEqual(['3:3 key "__proto__" is not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('JSON input is read as YAML', () => {
    const m = parseManifests('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}', 'pod.json');
    expect(m.errors).toEqual([]);
    expect(m.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual(['Pod/j']);
    const r = checkFiles([
      { name: 'pod.json', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}' },
    ]);
    expect(r[0]!.findings.find((f) => f.rule === 'image-tag-pinned')).toMatchObject({ line: 1, column: 91, container: 'c' });
  });
  it('non-object documents are named', () => {
    expect(errorsOf('hello\n---\n- a\n---\n42\n')).toEqual([
      '1:1 document 1 is a string, not a Kubernetes object',
      '3:1 document 2 is a list, not a Kubernetes object',
      '5:1 document 3 is a number, not a Kubernetes object',
    ]);
    expect(errorsOf('metadata: {name: x}\n')).toEqual(['1:1 document 1 has no "kind"']);
    expect(errorsOf('')).toEqual(['1:1 file is empty']);
  });
  it('an empty trailing document is fine', () => {
    expect(errorsOf('kind: Pod\nmetadata: {name: a}\n---\n')).toEqual([]);
  });
});

describe('bad Dockerfile input', () => {
  it('unknown instructions and instructions before FROM are errors', () => {
    const [r] = checkFiles([{ name: 'Dockerfile', text: 'RUN echo hi\nFROM alpine:3.19\nFORM x\n' }]);
    expect(r!.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '1:1 RUN before the first FROM (only ARG may come before FROM)',
      '3:1 unknown instruction: FORM',
    ]);
    expect(r!.passed).toBe(false);
  });
  it('a file with no FROM says so', () => {
    const [r] = checkFiles([{ name: 'Dockerfile', text: '# just a comment\n' }]);
    expect(r!.errors.map((e) => e.message)).toEqual(['no FROM instruction: a Dockerfile must start its first stage with FROM']);
  });
});
