/**
 * The bad-input catalogue of the reliability review (issue #17), for `check` and `ref`:
 * every case exits 0, 1 or 2 within 2 s (never 70, never a hang), and every message
 * names the file (or the input) and, where there is one, the place (line:column).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStdinText } from '../../src/cli/checker-io.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { readCapped } from '../../src/cli/io.ts';
import { runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cc-bad-'));
const put = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
  return name;
};
const valid = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';
const amplifier = (() => {
  const c = [...Array(200)].map((_, i) => `{name: c${i}, image: nginx}`).join(',');
  let t = `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: p0}, spec: {containers: &c [${c}]}}\n`;
  for (let i = 1; i < 40; i++) t += `- {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: *c}}\n`;
  return t;
})();
const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');
const devNull = (f: string) => f;

/** [case, argv after `check`, allowed exit codes, text the output must contain]. */
const cases: [string, string[], number[], string | RegExp][] = [
  ['valid', [put('valid.yaml', valid)], [0], 'valid.yaml:7:5: warning'],
  ["CRLF (the review's top problem)", [put('crlf.yaml', 'apiVersion: v1\r\nkind: Pod\r\n')], [0], '1 file checked'],
  ['U+2028 in a line', [put('u2028.yaml', valid.replace('name: demo', 'name: "de\u2028mo"'))], [0], 'container "app"'],
  ['UTF-8 BOM', [put('bom.yaml', `\ufeff${valid}`)], [0], 'bom.yaml:7:5'],
  ['10,000 documents', [put('docs.yaml', 'a: 1\n---\n'.repeat(10000))], [1], 'docs.yaml:1000:1: error syntax: too many YAML documents'],
  ['300,000 document-end markers', [put('ends.yaml', '...\n'.repeat(250000))], [1], 'ends.yaml:501:1: error syntax: too many YAML documents'],
  ['10 MB', [put('10mb.yaml', 'a: b\n'.repeat(2_100_000))], [2], 'container-course check: 10mb.yaml: file is too large (10.0 MB); the limit is 1.0 MB'],
  ['a directory', [devNull((mkdirSync(join(dir, 'adir.yaml')), 'adir.yaml'))], [2], 'adir.yaml: is a directory'],
  ['alias amplifier (8.4 KB)', [put('amp.yaml', amplifier)], [1], 'amp.yaml:14:73: error syntax: aliases expand to more than 10000 nodes'],
  ['billion laughs', [put('bomb.yaml', bomb)], [1], /bomb\.yaml:\d+:\d+: error syntax: aliases expand/],
  ['binary without NUL', [put('bin.yaml', new Uint8Array([0x80, 0x81]))], [2], 'bin.yaml:1:1: file is not valid UTF-8 (byte 0x80 at offset 0)'],
  ['binary with NUL', [put('nul.yaml', new Uint8Array([0x61, 0x3a, 0x00]))], [2], 'nul.yaml:1:3: file looks binary'],
  ['overlong UTF-8', [put('overlong.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0x22, 0xc0, 0xaf, 0x22]))], [2], 'overlong.yaml:1:5: file is not valid UTF-8'],
  [
    'lone surrogate in UTF-8',
    [put('surrogate.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0x22, 0xed, 0xa0, 0x80, 0x22]))],
    [2],
    'surrogate.yaml:1:5: file is not valid UTF-8',
  ],
  [
    'UTF-16 LE with BOM',
    [put('u16.yaml', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]))],
    [2],
    'u16.yaml:1:1: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
  ],
  ['UTF-16 BE with BOM', [put('u16be.yaml', new Uint8Array([0xfe, 0xff, 0x00, 0x61]))], [2], 'u16be.yaml:1:1: file is UTF-16'],
  ['UTF-32 LE with BOM', [put('u32.yaml', new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))], [2], 'u32.yaml:1:1: file is UTF-32'],
  [
    '1000-deep block',
    [put('deep-block.yaml', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n')],
    [1],
    'deep-block.yaml:65:65: error syntax: nesting is deeper than 64 levels',
  ],
  ['1000-deep flow', [put('deep-flow.yaml', 'a: ' + '['.repeat(1000) + ']'.repeat(1000))], [1], /deep-flow\.yaml:1:\d+: error syntax: nesting is deeper/],
  [
    'flow bypass (apostrophe in a plain scalar), 1 MB',
    [put('bypass.yaml', "a: [x'y, " + '['.repeat(500000) + ']'.repeat(500000) + ']\n')],
    [1],
    'bypass.yaml:1:72: error syntax: nesting is deeper than 64 levels',
  ],
  ['explicit-key bypass', [put('qkey.yaml', '? '.repeat(100000) + 'a\n')], [1], /qkey\.yaml:1:\d+: error syntax: nesting is deeper/],
  ['/dev/zero', ['/dev/zero'], [2], '/dev/zero: is a character device, not a regular file; not read'],
  ['/dev/urandom', ['/dev/urandom'], [2], '/dev/urandom: is a character device'],
  ['/dev/null', ['/dev/null'], [2], '/dev/null: is a character device'],
  [
    'a FIFO',
    [devNull((execFileSync('mkfifo', [join(dir, 'fifo.yaml')]), 'fifo.yaml'))],
    [2],
    'fifo.yaml: is a named pipe (FIFO), not a regular file; not read',
  ],
  [
    'a symlink loop',
    [devNull((symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml')), symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml')), 'loop-a.yaml'))],
    [2],
    'loop-a.yaml: too many levels of symbolic links (a symlink loop?)',
  ],
  ['a missing file', ['nope.yaml'], [2], 'nope.yaml: no such file or directory'],
  ['a path through a file', ['valid.yaml/x'], [2], 'valid.yaml/x: a part of the path is not a directory'],
  ['duplicate keys', [put('dup.yaml', 'kind: Pod\nmetadata:\n  name: a\n  name: b\n')], [1], 'dup.yaml:4:3: error syntax: Map keys must be unique'],
  ['empty', [put('empty.yaml', '')], [1], 'empty.yaml:1:1: error syntax: file is empty'],
  ['whitespace only', [put('ws.yaml', '  \n\t\n')], [1], 'ws.yaml:1:1: error syntax: file is empty'],
  ['comment only', [put('comment.yaml', '# nothing\n')], [0], '1 file checked'],
  ['--- only', [put('sep.yaml', '---\n')], [0], '1 file checked'],
  ['kind: constructor', [put('k1.yaml', 'apiVersion: v1\nkind: constructor\n')], [0], '1 file checked'],
  ['kind: __proto__', [put('k2.yaml', 'apiVersion: v1\nkind: __proto__\n')], [0], '1 file checked'],
  ['kind: toString', [put('k3.yaml', 'apiVersion: v1\nkind: toString\n')], [0], '1 file checked'],
  ['kind: hasOwnProperty', [put('k4.yaml', 'apiVersion: v1\nkind: hasOwnProperty\n')], [0], '1 file checked'],
  [
    'memory: {toString: }',
    [put('ts.yaml', 'kind: Pod\nspec:\n containers:\n - resources:\n    requests:\n     memory:\n      toString:')],
    [0, 1],
    'ts.yaml:6:6',
  ],
  [
    'seccompProfile.type: {toString: }',
    [
      put('ts2.yaml', 'kind: Pod\nspec:\n securityContext:\n  seccompProfile:\n   type:\n    toString:\n containers:\n - name: a\n   image: nginx\n'),
      '--profile',
      'restricted',
    ],
    [1],
    'ts2.yaml:5:4: error pss-seccomp-restricted',
  ],
  [
    '__proto__ key',
    [put('proto.yaml', 'kind: Pod\nmetadata:\n  __proto__: {polluted: true}\n')],
    [1],
    'proto.yaml:3:3: error syntax: key "__proto__" is not allowed',
  ],
  [
    '__proto__ via merge',
    [put('proto-merge.yaml', 'a: &a {"__proto__": {x: 1}}\nb: {<<: *a}\n')],
    [1],
    /proto-merge\.yaml:1:\d+: error syntax: key "__proto__" is not allowed/,
  ],
  ['a scalar document', [put('scalar.yaml', 'hello\n')], [1], 'scalar.yaml:1:1: error syntax: document 1 is a string, not a Kubernetes object'],
  [
    'a container that is a string',
    [put('shape.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - nginx\n')],
    [1],
    'shape.yaml:5:5: error syntax: expected a mapping at spec.containers[0], found a string',
  ],
  [
    '!!binary, !!python and custom tags',
    [put('tags.yaml', `${valid}    command: [!!binary aGk=, !!python/object:os.system x, !custom y]\n`)],
    [0, 1],
    'tags.yaml:',
  ],
  [
    'Dockerfile: 1 MB of backslash lines',
    [put('df-cont/Dockerfile', '\\\n'.repeat(500000))],
    [1],
    'df-cont/Dockerfile:10001:1: error syntax: the Dockerfile has more than 10000 lines',
  ],
  ['Dockerfile: 100k lines', [put('df-100k/Dockerfile', 'FROM alpine:3.20\n' + 'RUN true\n'.repeat(100000))], [1], 'df-100k/Dockerfile:10001:1: error syntax'],
  [
    'Dockerfile: 20,000 open heredocs',
    [put('df-here/Dockerfile', 'FROM alpine\nRUN ' + Array.from({ length: 20000 }, (_, i) => `<<E${i}`).join(' ') + '\n')],
    [1],
    'df-here/Dockerfile:2:3395: error syntax: the Dockerfile has more than 500 heredocs',
  ],
  [
    'Dockerfile: 20,000 stages',
    [put('df-stages/Dockerfile', Array.from({ length: 20000 }, (_, i) => `FROM alpine AS s${i}`).join('\n'))],
    [1],
    'df-stages/Dockerfile:10001:1',
  ],
  ['Dockerfile: CRLF', [put('df-crlf/Dockerfile', 'FROM alpine\r\nUSER 1000\r\n')], [0, 1], 'df-crlf/Dockerfile:1:1: info df-from-digest'],
  ['Dockerfile: CR only', [put('df-cr/Dockerfile', 'FROM alpine\rUSER 1000\r')], [0, 1], 'df-cr/Dockerfile:1:1: info df-from-digest'],
  ['Dockerfile: empty', [put('df-empty/Dockerfile', '')], [1], 'df-empty/Dockerfile:1:1: error syntax: file is empty'],
  [
    'Dockerfile: escape sequences in a keyword',
    [put('df-ansi/Dockerfile', 'FROM alpine\n\u001b]0;PWNED\u0007RUN x\n')],
    [1],
    'df-ansi/Dockerfile:2:1: error syntax: unknown instruction',
  ],
  ['Dockerfile: a 5000-character image', [put('df-long/Dockerfile', `FROM ${'a'.repeat(5000)}\n`)], [1], '… (5000 characters)'],
];

/** CPU milliseconds of the run (not wall time, which a busy shared CI machine stretches); a hang still shows in wall time. */
async function timed(argv: string[], opts: { stdin?: string; cwd?: string } = {}) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await runCli(argv, { cwd: dir, ...opts });
  const used = process.cpuUsage(cpu);
  return { ...r, ms: (used.user + used.system) / 1000, wall: performance.now() - t };
}

// The first run compiles the CLI and the checker: not part of any case's time.
beforeAll(async () => {
  await runCli(['check', 'valid.yaml'], { cwd: dir });
}, 60_000);

describe('bad-input catalogue: check', () => {
  it.each(cases)('%s', async (_name, argv, codes, expected) => {
    const r = await timed(['check', ...argv]);
    expect(codes).toContain(r.code);
    expect(r.ms).toBeLessThan(2000);
    expect(r.wall).toBeLessThan(30_000);
    const out = r.stdout + r.stderr;
    if (typeof expected === 'string') expect(out).toContain(expected);
    else expect(out).toMatch(expected);
    expect(out).not.toMatch(/internal error|TypeError|Maximum call stack|is not iterable|ELOOP|EACCES|EISDIR|ENOENT|    at /);
    expect(r.stdout.length + r.stderr.length).toBeLessThan(1_000_000);
  });
  it('standard input: a CRLF manifest is read, more than 1 MiB is refused with exit 2, twice is a usage error', async () => {
    expect(await timed(['check', '-'], { stdin: valid.replace(/\n/g, '\r\n') })).toMatchObject({ code: 0, stderr: '' });
    expect(await timed(['check', '-'], { stdin: 'a'.repeat(2 * 1024 * 1024) })).toMatchObject({
      code: 2,
      stderr: 'container-course check: -: input is too large (more than 1.0 MB); the limit is 1.0 MB\n',
    });
    expect(await timed(['check', '-', '-'], { stdin: valid })).toMatchObject({
      code: 2,
      stderr: 'container-course check: - (standard input) given more than once\n',
    });
  });
  it('standard input is read only to the cap: an endless stream stops at once (yes | check -)', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 'y\n'));
      },
    });
    const t = performance.now();
    expect(await readCapped(endless, 1024 * 1024)).toBeNull();
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(produced).toBeLessThan(3 * 1024 * 1024);
    const io = { readStdin: async () => '', readStdinBytes: async () => new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]) } as unknown as CliIO;
    expect(await readStdinText(io)).toEqual({ error: '-:1:5: file is not valid UTF-8 (byte 0xff at offset 4)' });
  });
  it('a correct solution saved with CRLF grades full marks through the CLI', async () => {
    const ex = readFileSync(join(import.meta.dirname, '../../content/exercises/e11.1.yaml'), 'utf8');
    const solution = ex
      .split('solution:\n  pod.yaml: |\n')[1]!
      .split('\nchecks:')[0]!
      .split('\n')
      .map((l) => l.slice(4))
      .join('\n');
    put('class/win/pod.yaml', solution.replace(/\n/g, '\r\n'));
    put('class/mac/pod.yaml', solution.replace(/\n/g, '\r'));
    const r = await timed(['grade', '--exercise', 'e11.1', 'class']);
    expect(r.stdout).toMatch(/^class\/mac +10\/10 /m);
    expect(r.stdout).toMatch(/^class\/win +10\/10 /m);
    expect(r.code).toBe(0);
  });
  it("no stack trace and no exit 70 for any of the flags' bad values", async () => {
    expect(await timed(['check', '--profile', 'nope', 'valid.yaml'])).toMatchObject({ code: 2 });
    expect((await timed(['check', '--image', 'UPPER::@@', 'valid.yaml'])).stderr).toContain('--image UPPER::@@: invalid reference format');
  });
});

describe('bad-input catalogue: ref', () => {
  it.each([
    ['a 120,000-character reference', 'a'.repeat(120000), 1, /^"a{200}"… \(120000 characters\): /],
    ['unicode and RTL', 'ngïnx:latest\u202e', 1, '"ngïnx:latest\u202e": invalid reference format'],
    ['escape sequences', 'nginx:\u001b]0;PWNED\u0007', 1, '"nginx:\\u001b]0;PWNED\\u0007": invalid reference format'],
    ['a digest algorithm named constructor', `nginx@constructor:${'0123456789abcdef'.repeat(2)}`, 1, 'unsupported digest algorithm'],
    ['a digest algorithm named toString', `nginx@toString:${'0123456789abcdef'.repeat(2)}`, 1, 'invalid reference format'],
    ['empty', '', 1, '"": invalid reference format'],
  ])('%s', async (_name, input, code, expected) => {
    const r = await timed(['ref', input as string]);
    const out = r.stdout + r.stderr;
    expect(r.code).toBe(code);
    expect(r.ms).toBeLessThan(2000);
    if (typeof expected === 'string') expect(out).toContain(expected);
    else expect(out).toMatch(expected);
    expect(out.length).toBeLessThan(2000);
  });
});
