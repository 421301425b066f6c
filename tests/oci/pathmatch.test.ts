import { describe, expect, it } from 'vitest';
import { BadPattern, pathMatch } from '../../src/oci/pathmatch.ts';

// Go's path.Match (go1.22 src/path/match.go), the matcher behind moby's reference filter
// (distribution/reference FamiliarMatch). The cases are go1.22 src/path/match_test.go matchTests;
// 'err' is ErrBadPattern ("syntax error in pattern").
const cases: [string, string, boolean | 'err'][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', 'err'],
  ['[-]', '-', 'err'],
  ['[x-]', 'x', 'err'],
  ['[x-]', '-', 'err'],
  ['[x-]', 'z', 'err'],
  ['[-x]', 'x', 'err'],
  ['[-x]', '-', 'err'],
  ['[-x]', 'a', 'err'],
  ['\\', 'a', 'err'],
  ['[a-b-c]', 'a', 'err'],
  ['[', 'a', 'err'],
  ['[^', 'a', 'err'],
  ['[^bc', 'a', 'err'],
  ['a[', 'a', 'err'],
  ['a[', 'ab', 'err'],
  ['a[', 'x', 'err'],
  ['a/b[', 'x', 'err'],
  ['*x', 'xxx', true],
];

describe('Go path.Match', () => {
  for (const [pattern, name, want] of cases) {
    it(`${JSON.stringify(pattern)} against ${JSON.stringify(name)}: ${want}`, () => {
      if (want === 'err') expect(() => pathMatch(pattern, name)).toThrow(BadPattern);
      else expect(pathMatch(pattern, name)).toBe(want);
    });
  }
  it('names the error as Go does', () => expect(() => pathMatch('[', 'a')).toThrow('syntax error in pattern'));
});
