import { describe, expect, it } from 'vitest';
import { GoFunc, GoStruct, parseTemplate, sprintf, TemplateError } from '../../../src/sim/shell/kit/template/index.ts';

// Cases ported from go1.22 src/text/template/exec_test.go (execTests), parse/parse_test.go
// (parseTests, errorTests) and parse/lex_test.go, over JSON-like data standing for Go's tVal.
const data = {
  True: true,
  I: 17,
  U16: 16,
  X: 'x',
  S: 'xyz',
  FloatZero: 0,
  ComplexZero: 0,
  MSI: { one: 1, two: 2, three: 3 },
  MSIone: { one: 1 },
  MSIEmpty: {},
  SI: [3, 4, 5],
  SIEmpty: [],
  SB: [true, false],
  AI: [3, 4, 5],
  Empty0: null,
  NonEmptyInterface: null,
  Str: 'foozle',
  Tmpl: null,
  PI: 23,
  PSI: [21, 22, 23],
  Ptr: null,
  NilOK: null,
  Err: null,
  W: { x: 1 },
  Slice: ['a', 'b', 'c'],
  MSIStr: { a: 'x', b: 'y' },
  U: { V: 'v' },
  V0: { j: 6666 },
  NIL: null,
  Nested: { Deeper: { Value: 'deep' } },
};
const run = (t: string, d: unknown = data, missingKeyError = false) => parseTemplate(t).run(d, { missingKeyError });
const err = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('text/template execution (exec_test.go execTests)', () => {
  const table: [string, string, string][] = [
    ['empty', '', ''],
    ['text', 'some text', 'some text'],
    ['.X', '-{{.X}}-', '-x-'],
    ['.U.V', '-{{.U.V}}-', '-v-'],
    ['map .one', '{{.MSI.one}}', '1'],
    ['map .two', '{{.MSI.two}}', '2'],
    ['map .NO', '{{.MSI.NO}}', '<no value>'],
    ['map .one interface', '{{.MSIone.one}}', '1'],
    ['dot int', '<{{.}}>', '<map[AI:[3 4 5]'],
    ['$ int', '{{$}}', 'map['],
    ['$.I', '{{$.I}}', '17'],
    ['$.U.V', '{{$.U.V}}', 'v'],
    ['declare in action', '{{$x := $.U.V}}{{$x}}', 'v'],
    ['simple assignment', '{{$x := 2}}{{$x = 3}}{{$x}}', '3'],
    ['nested assignment', '{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}', '3'],
    ['nested assignment changes the last declaration', '{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}', '1'],
    ['V{6666}.String()', '-{{.V0.j}}-', '-6666-'],
    ['if true', '{{if true}}TRUE{{end}}', 'TRUE'],
    ['if false', '{{if false}}TRUE{{else}}FALSE{{end}}', 'FALSE'],
    ['if 1', '{{if 1}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO'],
    ['if 0', '{{if 0}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if 1.5', '{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO'],
    ['if 0.0', '{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if emptystring', '{{if ""}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if string', '{{if "notempty"}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if emptyslice', '{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if slice', '{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if emptymap', '{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if map', '{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if $x with $y int', '{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}', 'true,17'],
    ['if else if', '{{if false}}FALSE{{else if true}}TRUE{{end}}', 'TRUE'],
    ['if else chain', '{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}', '3'],
    ['print', '{{print "hello, print"}}', 'hello, print'],
    ['print 123', '{{print 1 2 3}}', '1 2 3'],
    ['print nil', '{{print nil}}', '<nil>'],
    ['println', '{{println 1 2 3}}', '1 2 3\n'],
    ['printf int', '{{printf "%04x" 127}}', '007f'],
    ['printf float', '{{printf "%g" 3.5}}', '3.5'],
    ['printf complex', '{{printf "%s" "hello"}}', 'hello'],
    ['printf string', '{{printf "%s" "hello"}}', 'hello'],
    ['printf function', '{{printf "%#q" "abc"}}', '`abc`'],
    ['printf field', '{{printf "%s" .X}}', 'x'],
    ['printf dot', '{{with .I}}{{printf "%d" .}}{{end}}', '17'],
    ['printf var', '{{with $x := .I}}{{printf "%d" $x}}{{end}}', '17'],
    ['printf lots', '{{printf "%d %s %g %s" 127 "hello" 7.5 "x"}}', '127 hello 7.5 x'],
    ['html', '{{html "<script>alert(\\"XSS\\");</script>"}}', '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;'],
    ['html pipeline', '{{printf "<script>alert(\\"XSS\\");</script>" | html}}', '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;'],
    ['html', '{{html .PI}}', '23'],
    ['js string', `{{js "It'd be nice."}}`, "It\\'d be nice."],
    ['urlquery', '{{"http://www.example.org/"|urlquery}}', 'http%3A%2F%2Fwww.example.org%2F'],
    ['not', '{{not true}} {{not false}}', 'false true'],
    ['and', '{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}', 'false 0 0 1'],
    ['or', '{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}', '0 1 true 1'],
    ['or short-circuit', '{{or 0 1 (index nil 0)}}', '1'],
    ['and short-circuit', '{{and 1 0 (index nil 0)}}', '0'],
    ['boolean if', '{{if and true 1 `c`}}{{print true 1 `c`}}{{else}}FALSE{{end}}', 'true 1c'],
    ['boolean if not', '{{if and true 1 `c` | not}}{{print true 1 `c`}}{{else}}FALSE{{end}}', 'FALSE'],
    ['index .SI 1', '{{index .SI 1}}', '4'],
    ['index .MSI `one`', '{{index .MSI `one`}}', '1'],
    ['index .MSI `XXX`', '{{index .MSI `XXX`}}', '<no value>'],
    ['index .MSIStr `XXX`', '{{index .MSIStr `XXX`}}', ''],
    ['index string', '{{index "abc" 1}}', '98'],
    ['slice[:]', '{{slice .SI}}', '[3 4 5]'],
    ['slice[1:]', '{{slice .SI 1}}', '[4 5]'],
    ['slice[1:2]', '{{slice .SI 1 2}}', '[4]'],
    ['string[1:2]', '{{slice .S 1 2}}', 'y'],
    ['len of int', '{{len .SI}}', '3'],
    ['len of string', '{{len "héllo"}}', '6'],
    ['len of map', '{{len .MSI}}', '3'],
    ['with true', '{{with true}}{{.}}{{end}}', 'true'],
    ['with false', '{{with false}}{{.}}{{else}}FALSE{{end}}', 'FALSE'],
    ['with $x int', '{{with $x := .I}}{{$x}}{{end}}', '17'],
    ['with $x struct.U.V', '{{with $x := $}}{{$x.U.V}}{{end}}', 'v'],
    ['with variable and action', '{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}', 'v'],
    ['range []int', '{{range .SI}}-{{.}}-{{end}}', '-3--4--5-'],
    ['range empty no else', '{{range .SIEmpty}}-{{.}}-{{end}}', ''],
    ['range []int else', '{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}', '-3--4--5-'],
    ['range empty else', '{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY'],
    ['range []bool', '{{range .SB}}-{{.}}-{{end}}', '-true--false-'],
    ['range []int break else', '{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}', '-3-'],
    ['range []int continue else', '{{range .SI}}-{{.}}-{{continue}}NOTREACHED{{else}}EMPTY{{end}}', '-3--4--5-'],
    ['range map', '{{range .MSI}}-{{.}}-{{end}}', '-1--3--2-'],
    ['range empty map no else', '{{range .MSIEmpty}}-{{.}}-{{end}}', ''],
    ['range map else', '{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}', '-1--3--2-'],
    ['range empty map else', '{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY'],
    ['range empty interface', '{{range .Empty0}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY'],
    ['range $x SI', '{{range $x := .SI}}<{{$x}}>{{end}}', '<3><4><5>'],
    ['range $x $y SI', '{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}', '<0=3><1=4><2=5>'],
    ['range $x MSIone', '{{range $x := .MSIone}}<{{$x}}>{{end}}', '<1>'],
    ['range $x $y MSIone', '{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}', '<one=1>'],
    ['range count', '{{range $i, $x := count 5}}[{{$i}}]{{$x}}{{end}}', '[0]a[1]b[2]c[3]d[4]e'],
    ['range int', '{{range $i := 3}}{{$i}}{{end}}', '012'],
    ['declare in range', '{{range $x := .PSI}}<{{$foo:=$x}}{{$x}}>{{end}}', '<21><22><23>'],
    ['range with assign', '{{$x := 0}}{{range $x = .SI}}{{end}}{{$x}}', '5'],
    ['eq .I 17', '{{eq .I 17}}', 'true'],
    ['eq multi', '{{eq .I 3 4 17}}', 'true'],
    ['ne', '{{ne 1 2}}', 'true'],
    ['lt', '{{lt 1 2}} {{lt 2 1}} {{lt "a" "b"}}', 'true false true'],
    ['le', '{{le 1 1}} {{le 2 1}}', 'true false'],
    ['gt', '{{gt 2 1}} {{gt 1 2}}', 'true false'],
    ['ge', '{{ge 1 1}} {{ge 1 2}}', 'true false'],
    ['eq nil', '{{eq .NIL nil}}', 'true'],
    ['pipeline', '{{.X | printf "%s-%s" "a"}}', 'a-x'],
    ['parenthesized', '{{(index .SI 1)}}', '4'],
    ['chain', '{{(.Nested).Deeper.Value}}', 'deep'],
    ['variable chain', '{{$n := .Nested}}{{$n.Deeper.Value}}', 'deep'],
    ['trim left', 'a  {{- .X}}', 'ax'],
    ['trim right', '{{.X -}}  \n b', 'xb'],
    ['trim both', 'a \n{{- .X -}}\n b', 'axb'],
    ['comment', 'a{{/* a comment */}}b', 'ab'],
    ['trimmed comment', 'a {{- /* c */ -}} b', 'ab'],
    ['raw string', '{{`a\\nb`}}', 'a\\nb'],
    ['char constant', "{{'a'}}", '97'],
    ['hex', '{{0x1f}}', '31'],
    ['float', '{{1.5}} {{1e3}} {{1e6}}', '1.5 1000 1e+06'],
    ['negative', '{{-3}}', '-3'],
    ['template define', '{{define "x"}}[{{.}}]{{end}}{{template "x" .I}}', '[17]'],
    ['block', '{{block "b" .X}}<{{.}}>{{end}}', '<x>'],
    ['newlines in action', '{{print\n1\n2}}', '1 2'],
  ];
  for (const [name, input, want] of table) {
    it(name, () => {
      const t = parseTemplate(input, { ...DOCKER_WITH_COUNT });
      const got = t.run(data);
      if (name === 'dot int' || name === '$ int') expect(got.startsWith(want)).toBe(true);
      else expect(got).toBe(want);
    });
  }
});

import { DOCKER_FUNCS } from '../../../src/sim/shell/kit/template/index.ts';
const DOCKER_WITH_COUNT = {
  ...DOCKER_FUNCS,
  count: { params: ['int' as const], fn: (n: unknown) => [...'abcdefghij'].slice(0, n as number) },
};

describe('parse errors (parse_test.go errorTests, lex_test.go), as Docker prints them after "template parsing error: "', () => {
  const table: [string, string][] = [
    ['{{.Foo}', 'template: :1: unexpected "}" in operand'],
    ['{{.Foo', 'template: :1: unclosed action'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}a', 'template: :1: unexpected EOF'],
    ['{{range .SI}}a{{else}}b{{else}}c{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}x{{end}}', 'template: :1: missing value for if'],
    ['{{range}}x{{end}}', 'template: :1: missing value for range'],
    ['{{.X | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{"x".Y}}', 'template: :1: unexpected . after term "\\"x\\""'],
    ['{{.X#}}', "template: :1: bad character U+0023 '#'"],
    ['{{3k}}', 'template: :1: bad number syntax: "3k"'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{/* x', 'template: :1: unclosed comment'],
    ['{{/* x */ }}', 'template: :1: comment ends before closing delimiter'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{.X)}}', 'template: :1: unexpected ")" in command'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range $i, $j, $k := .SI}}{{end}}', 'template: :1: too many declarations in range'],
    ['a\n{{.X', 'template: :2: unclosed action'],
    ['{{with .X}}{{else with .Y}}{{end}}', 'template: :1: unexpected <with> in else'],
  ];
  for (const [input, want] of table) it(JSON.stringify(input), () => expect(err(() => parseTemplate(input))).toBe(want));
});

describe('execution errors (exec_test.go, Docker inspect missingkey=error)', () => {
  const table: [string, string, boolean?][] = [
    ['{{.Foo}}', 'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"', true],
    ['{{.U.Foo}}', 'template: :1:4: executing "" at <.U.Foo>: map has no entry for key "Foo"', true],
    ['{{.NIL.Status}}', 'template: :1:6: executing "" at <.NIL.Status>: nil pointer evaluating interface {}.Status'],
    ['{{index .SIEmpty 0}}', 'template: :1:2: executing "" at <index .SIEmpty 0>: error calling index: reflect: slice index out of range'],
    ['{{index .SI 5}}', 'template: :1:2: executing "" at <index .SI 5>: error calling index: index out of range: 5'],
    ['{{.X.Y}}', 'template: :1:4: executing "" at <.X.Y>: can\'t evaluate field Y in type string'],
    ['{{len 3}}', 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ['{{eq 1 "a"}}', 'template: :1:2: executing "" at <eq 1 "a">: error calling eq: incompatible types for comparison'],
    ['{{lt .SI 1}}', 'template: :1:2: executing "" at <lt .SI 1>: error calling lt: invalid type for comparison'],
    ['{{join .X ","}}', 'template: :1:7: executing "" at <.X>: wrong type for value; expected []string; got string'],
    ['{{printf}}', 'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0'],
    ['{{upper 3}}', 'template: :1:8: executing "" at <3>: expected string; found 3'],
    ['{{range $i, $j := .I}}{{end}}', 'template: :1:18: executing "" at <.I>: can\'t use 17 to iterate over more than one variable'],
    ['{{template "nope"}}', 'template: :1:2: executing "" at <{{template "nope"}}>: template "nope" not defined'],
    ['{{nil}}', 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ['{{.X 1}}', 'template: :1:2: executing "" at <.X>: X is not a method but has arguments'],
  ];
  for (const [input, want, mk] of table) it(input, () => expect(err(() => run(input, data, Boolean(mk)))).toBe(want));
});

describe("Docker's functions (docker/cli@v27.3.1:templates/templates.go)", () => {
  it('json, join, split, lower, upper, title, pad, truncate', () => {
    expect(run('{{json .Slice}}')).toBe('["a","b","c"]');
    expect(run('{{json .U}}')).toBe('{"V":"v"}');
    expect(run('{{json "<&>"}}')).toBe('"<&>"');
    expect(run('{{join .Slice ", "}}')).toBe('a, b, c');
    expect(run('{{split "a:b:c" ":"}}')).toBe('[a b c]');
    expect(run('{{lower "ABC"}} {{upper "abc"}} {{title "hello world"}}')).toBe('abc ABC Hello World');
    expect(run('[{{pad "x" 1 2}}][{{pad "" 1 2}}]')).toBe('[ x  ][]');
    expect(run('{{truncate "abcdef" 3}} {{truncate "ab" 3}}')).toBe('abc ab');
  });
  it('typed structs: methods with arguments, unknown fields', () => {
    const c = new GoStruct('*formatter.ContainerContext', { ID: 'abc', Label: new GoFunc(['string'], (k) => (k === 'a' ? 'x' : '')) });
    expect(run('{{.ID}} {{.Label "a"}}', c)).toBe('abc x');
    expect(err(() => run('{{.Nope}}', c))).toBe('template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext');
  });
});

describe('fmt.Sprintf verbs', () => {
  const table: [string, unknown[], string][] = [
    ['%s', ['a'], 'a'],
    ['%d', [42], '42'],
    ['%v', [[1, 2]], '[1 2]'],
    ['%q', ['a"b'], '"a\\"b"'],
    ['%x', [255], 'ff'],
    ['%X', ['hi'], '6869'],
    ['%-10s|', ['ab'], 'ab        |'],
    ['%10s|', ['ab'], '        ab|'],
    ['%5.2f', [Math.PI], ' 3.14'],
    ['%05d', [-42], '-0042'],
    ['%+d', [5], '+5'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [], '%!s(MISSING)'],
    ['%s', ['a', 'b'], 'a%!(EXTRA string=b)'],
    ['%%', [], '%'],
    ['%t', [true], 'true'],
    ['%e', [1234.5678], '1.234568e+03'],
    ['%g', [0.00001], '1e-05'],
    ['%T', [1], 'int'],
    ['%c', [65], 'A'],
    ['%o', [8], '10'],
    ['%b', [5], '101'],
    ['%6.2f|%-6.1f|', [1.5, 2.25], '  1.50|2.2   |'],
    ['%*d', [4, 7], '   7'],
    ['%v', [{ b: 1, a: 2 }], 'map[a:2 b:1]'],
    ['%v', [null], '<nil>'],
  ];
  for (const [f, a, want] of table) it(`${f} ${JSON.stringify(a)}`, () => expect(sprintf(f, a)).toBe(want));
});
