/**
 * fmt.Sprintf's argument indexes, `*` widths and precisions and their error texts, from go1.22
 * src/fmt/fmt_test.go (reorderTests and the `*` rows of fmtTests), and the template executor's
 * bounds: a template that calls itself gets Go's depth error, and work or output past a line's
 * limit stops the line instead of hanging the page or running out of memory.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate, sprintf, TemplateError } from '../../../src/sim/shell/kit/template/index.ts';
import { GoFloat } from '../../../src/sim/shell/kit/template/value.ts';
import { MAX_OUTPUT } from '../../../src/sim/shell/kit/template/exec-types.ts';
import { LineLimitError } from '../../../src/sim/shell/limits.ts';
import { createWorld } from '../../../src/sim/index.ts';

describe('fmt.Sprintf (go1.22 fmt_test.go reorderTests)', () => {
  const table: [string, unknown[], string][] = [
    ['%[1]d', [1], '1'],
    ['%[2]d', [2, 1], '1'],
    ['%[2]d %[1]d', [1, 2], '2 1'],
    ['%[2]*[1]d', [2, 5], '    2'],
    ['%[3]*.[2]*[1]f', [12.5, 2, 6], ' 12.50'],
    ['%[1]*.[2]*[3]f', [6, 2, 12.5], ' 12.50'],
    ['%[1]*[3]f', [10, 99, 12.5], ' 12.500000'],
    ['%.[1]*[3]f', [6, 99, 12.5], '12.500000'],
    ['%[1]*.[3]f', [6, 3, 12.5], '    12'],
    ['%d %d %d %#[1]o %#o %#o', [11, 12, 13], '11 12 13 013 014 015'],
    ['%[d', [2, 1], '%!d(BADINDEX)'],
    ['%]d', [2, 1], '%!](int=2)d%!(EXTRA int=1)'],
    ['%[]d', [2, 1], '%!d(BADINDEX)'],
    ['%[-3]d', [2, 1], '%!d(BADINDEX)'],
    ['%[99]d', [2, 1], '%!d(BADINDEX)'],
    ['%[3]', [2, 1], '%!(NOVERB)'],
    ['%[1].2d', [5, 6], '%!d(BADINDEX)'],
    ['%[1]2d', [2, 1], '%!d(BADINDEX)'],
    ['%3.[2]d', [7], '%!d(BADINDEX)'],
    ['%.[2]d', [7], '%!d(BADINDEX)'],
    ['%d %d %d %#[1]o %#o %#o %#o', [11, 12, 13], '11 12 13 013 014 015 %!o(MISSING)'],
    ['%[5]d %[2]d %d', [1, 2, 3], '%!d(BADINDEX) 2 3'],
    ['%d %[3]d %d', [1, 2], '1 %!d(BADINDEX) 2'],
    ['%.[]', [], '%!](BADINDEX)'],
    ['%.-3d', [42], '%!-(int=42)3d'],
    ['%2147483648d', [42], '%!(NOVERB)%!(EXTRA int=42)'],
    ['%-2147483648d', [42], '%!(NOVERB)%!(EXTRA int=42)'],
    ['%.2147483648d', [42], '%!(NOVERB)%!(EXTRA int=42)'],
  ];
  for (const [f, a, want] of table) it(`${f} ${JSON.stringify(a)}`, () => expect(sprintf(f, a)).toBe(want));
});

describe('fmt.Sprintf `*` (go1.22 fmt_test.go fmtTests)', () => {
  const table: [string, unknown[], string][] = [
    ['%*d', [4, 42], '  42'],
    ['%-*d', [4, 42], '42  '],
    ['%*d', [-4, 42], '42  '],
    ['%-*d', [-4, 42], '42  '],
    ['%.*d', [4, 42], '0042'],
    ['%*.*d', [8, 4, 42], '    0042'],
    ['%0*d', [4, 42], '0042'],
    ['%-0*d', [4, 42], '42  '],
    ['%*d', [null, 42], '%!(BADWIDTH)42'],
    ['%*d', [1e7, 42], '%!(BADWIDTH)42'],
    ['%*d', [-1e7, 42], '%!(BADWIDTH)42'],
    ['%.*d', [null, 42], '%!(BADPREC)42'],
    ['%.*d', [-1, 42], '%!(BADPREC)42'],
    ['%.*d', [1e7, 42], '%!(BADPREC)42'],
    ['%*d', [5, 'foo'], '%!d(string=  foo)'],
    ['%*% %d', [20, 5], '% 5'],
    ['%*', [4], '%!(NOVERB)'],
  ];
  for (const [f, a, want] of table) it(`${f} ${JSON.stringify(a)}`, () => expect(sprintf(f, a)).toBe(want));
});

describe('fmt floats with any precision (strconv rounds an exact tie to even)', () => {
  it.each([
    ['%.0e', 2.5, '2e+00'],
    ['%.0e', 3.5, '4e+00'],
    ['%.3e', 1234.5678, '1.235e+03'],
    ['%e', new GoFloat(1e300), '1.000000e+300'],
    ['%e', -0.000123, '-1.230000e-04'],
    ['%.2e', 9.999, '1.00e+01'],
    ['%e', Number.POSITIVE_INFINITY, '+Inf'],
    ['%.3g', 2.5e-7, '2.5e-07'],
  ] as [string, unknown, string][])('%s of %s', (f, x, want) => expect(sprintf(f, [x])).toBe(want));
  it('%.120g and %.110e print every digit asked for (JavaScript stops at 100)', () => {
    expect(sprintf('%.120g', [0.1])).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(sprintf('%.110e', [0.1])).toBe(`1.${'000000000000000055511151231257827021181583404541015625'.padEnd(110, '0')}e-01`);
  });
});

const run = (t: string, d: unknown = {}) => parseTemplate(t).run(d);
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    if (e instanceof LineLimitError) return `limit ${e.kind} after ${e.partial.length}`;
    throw e;
  }
  return 'no error';
};

describe('the executor stays bounded', () => {
  it("a template that calls itself gets Go's depth error, naming the template that runs", () => {
    expect(message(() => run('{{define "a"}}{{template "a"}}{{end}}{{template "a"}}'))).toBe(
      'template: :1:16: executing "a" at <{{template "a"}}>: exceeded maximum template depth (100000)',
    );
    expect(message(() => run('{{define "a"}}{{.Foo.Bar}}{{end}}{{template "a" 1}}'))).toBe(
      'template: :1:20: executing "a" at <.Foo.Bar>: can\'t evaluate field Foo in type int',
    );
  });
  it('names on Object.prototype are neither functions, keywords nor fields', () => {
    expect(message(() => run('{{constructor}}'))).toBe('template: :1: function "constructor" not defined');
    expect(message(() => run('{{hasOwnProperty}}'))).toBe('template: :1: function "hasOwnProperty" not defined');
    expect(run('{{.constructor}}', { a: 1 })).toBe('<no value>');
  });
  it('work and output past the limits stop with what was written', () => {
    expect(message(() => run('{{range 1000000000}}{{end}}'))).toBe('limit work after 0');
    expect(message(() => run('{{range 1000000000}}xxxxxxxxxxxxxxxx{{end}}'))).toBe(`limit output after ${MAX_OUTPUT}`);
    expect(sprintf('%9999999d', [1]).length).toBe(9999999);
  });
  it("in the terminal, the line stops with the course's note", async () => {
    const w = createWorld();
    await w.exec('docker run -d --name web nginx');
    const work = await w.exec("docker ps --format '{{range 1000000000}}{{end}}'");
    expect([work.exitCode, work.stopped?.limit]).toEqual([130, 'work']);
    const out = await w.exec('docker ps --format \'{{range 1000000000}}{{printf "%20s" $.Names}}{{end}}\'');
    expect([out.exitCode, out.stopped?.limit]).toEqual([130, 'output']);
    const next = await w.exec('docker ps --format {{.Names}}');
    expect(next.stdout).toBe('web\n');
  });
});
