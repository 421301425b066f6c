/**
 * The flag parser of the docker and kubectl commands against spf13/pflag v1.0.5's rules and words
 * (docker/cli@v27.3.1:vendor/github.com/spf13/pflag/flag.go: parseArgs, parseLongArg, parseSingleShortArg, failf).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { type FlagDef, goParseInt, parseFlags } from '../../src/sim/shell/args.ts';
import { sh } from './helpers.ts';

const DEFS: FlagDef[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'publish', short: 'p', type: 'list' },
  { long: 'memory', short: 'm', type: 'string' },
  { long: 'name', type: 'string' },
  { long: 'rm', type: 'bool' },
];

describe('pflag parsing (#10)', () => {
  it("a value flag takes the rest of its group ('-farg') or the next word, whatever it is ('--flag arg')", () => {
    expect(parseFlags(['-p8080:80', '-m512m', 'nginx'], DEFS)).toEqual({ ok: true, flags: { publish: ['8080:80'], memory: '512m' }, rest: ['nginx'] });
    expect(parseFlags(['-dp', '80:80', '--name', '-x', 'nginx', '-p', '1:1'], DEFS)).toEqual({
      ok: true,
      flags: { detach: true, publish: ['80:80'], name: '-x' },
      rest: ['nginx', '-p', '1:1'],
    });
    expect(parseFlags(['-itm=1g', 'alpine'], DEFS)).toEqual({ ok: true, flags: { interactive: true, tty: true, memory: '1g' }, rest: ['alpine'] });
  });

  it('a bool takes a value only after =, in strconv.ParseBool words; the next word stays an argument', () => {
    expect(parseFlags(['--rm', 'true', 'x'], DEFS)).toEqual({ ok: true, flags: { rm: true }, rest: ['true', 'x'] });
    expect(parseFlags(['--rm=F', '-t=0', 'x'], DEFS)).toEqual({ ok: true, flags: { rm: false, tty: false }, rest: ['x'] });
    expect(parseFlags(['-t=yes'], DEFS)).toEqual({
      ok: false,
      error: 'invalid argument "yes" for "-t, --tty" flag: strconv.ParseBool: parsing "yes": invalid syntax',
    });
  });

  it("pflag's errors: unknown flags, the rest of a group, missing values, bad syntax", () => {
    expect(parseFlags(['-itz', 'alpine'], DEFS)).toEqual({ ok: false, error: "unknown shorthand flag: 'z' in -z" });
    expect(parseFlags(['--nope'], DEFS)).toEqual({ ok: false, error: 'unknown flag: --nope' });
    expect(parseFlags(['--name'], DEFS)).toEqual({ ok: false, error: 'flag needs an argument: --name' });
    expect(parseFlags(['-ip'], DEFS)).toEqual({ ok: false, error: "flag needs an argument: 'p' in -p" });
    expect(parseFlags(['---x'], DEFS)).toEqual({ ok: false, error: 'bad flag syntax: ---x' });
    expect(parseFlags(['--=x'], DEFS)).toEqual({ ok: false, error: 'bad flag syntax: --=x' });
  });

  it('interspersed or not; -- ends the flags; a lone - is an argument', () => {
    expect(parseFlags(['a', '-d', 'b'], DEFS, true)).toEqual({ ok: true, flags: { detach: true }, rest: ['a', 'b'] });
    expect(parseFlags(['a', '-d', 'b'], DEFS, false)).toEqual({ ok: true, flags: {}, rest: ['a', '-d', 'b'] });
    expect(parseFlags(['-d', '--', '-t', '-'], DEFS, true)).toEqual({ ok: true, flags: { detach: true }, rest: ['-t', '-'] });
    expect(parseFlags(['-', '-d'], DEFS, true)).toEqual({ ok: true, flags: { detach: true }, rest: ['-'] });
  });

  // Go 1.22 strconv/atoi_test.go parseInt64BaseTests (base 0) and the underscore table, the rows pflag's Int flags meet.
  it.each([
    ['0', 0],
    ['-0', 0],
    ['+7', 7],
    ['12345', 12345],
    ['012345', 0o12345],
    ['0x12345', 0x12345],
    ['-0X12345', -0x12345],
    ['0b101', 5],
    ['0o17', 15],
    ['0x_1_2_3_4_5', 0x12345],
    ['1_2_3', 123],
    ['0_7', 7],
    ['2147483647', 2147483647],
    ['-9223372036854775808', Number(-9223372036854775808n)],
    ['', 'invalid syntax'],
    ['0x', 'invalid syntax'],
    ['08', 'invalid syntax'],
    ['_12345', 'invalid syntax'],
    ['1__2345', 'invalid syntax'],
    ['12345_', 'invalid syntax'],
    ['1e3', 'invalid syntax'],
    ['9223372036854775808', 'value out of range'],
  ] as const)('goParseInt(%j, 64) is %j', (s, want) => {
    expect(goParseInt(s, 64)).toBe(want);
  });

  it("int flags answer pflag's error with the flag's names; NoOptDefVal fills a bare flag without taking the next word", () => {
    const defs = [
      { long: 'replicas', short: 'r', type: 'int32' as const },
      { long: 'tail', type: 'int64' as const },
      { long: 'dry-run', type: 'string' as const, noOpt: 'unchanged' },
    ];
    expect(parseFlags(['-r', '0x10', '--tail=-1'], defs)).toEqual({ ok: true, flags: { replicas: 16, tail: -1 }, rest: [] });
    expect(parseFlags(['-r', '2147483648'], defs)).toEqual({
      ok: false,
      error: 'invalid argument "2147483648" for "-r, --replicas" flag: strconv.ParseInt: parsing "2147483648": value out of range',
    });
    expect(parseFlags(['--tail', 'all'], defs)).toEqual({
      ok: false,
      error: 'invalid argument "all" for "--tail" flag: strconv.ParseInt: parsing "all": invalid syntax',
    });
    expect(parseFlags(['--dry-run', 'web'], defs, true)).toEqual({ ok: true, flags: { 'dry-run': 'unchanged' }, rest: ['web'] });
    expect(parseFlags(['--dry-run=server'], defs)).toEqual({ ok: true, flags: { 'dry-run': 'server' }, rest: [] });
  });

  it('docker run with the forms the documentation uses', async () => {
    const w = createWorld();
    await sh(w, 'docker pull -q nginx >/dev/null');
    expect((await sh(w, 'docker run -d -p8080:80 --name web nginx >/dev/null; docker port web')).out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await sh(w, 'docker run -d -m512m --name mem nginx >/dev/null; docker inspect -f "{{.HostConfig.Memory}}" mem')).out).toBe('536870912\n');
    expect(await sh(w, 'docker run -itz alpine')).toMatchObject({ stderr: "unknown shorthand flag: 'z' in -z\nSee 'docker run --help'.\n", exitCode: 125 });
  });
});
