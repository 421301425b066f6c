/**
 * The flag parser of the docker and kubectl commands against spf13/pflag v1.0.5's rules and words
 * (docker/cli@v27.3.1:vendor/github.com/spf13/pflag/flag.go: parseArgs, parseLongArg, parseSingleShortArg, failf).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { type FlagDef, parseFlags } from '../../src/sim/shell/args.ts';
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

  it('docker run with the forms the documentation uses', async () => {
    const w = createWorld();
    await sh(w, 'docker pull -q nginx >/dev/null');
    expect((await sh(w, 'docker run -d -p8080:80 --name web nginx >/dev/null; docker port web')).out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await sh(w, 'docker run -d -m512m --name mem nginx >/dev/null; docker inspect -f "{{.HostConfig.Memory}}" mem')).out).toBe('536870912\n');
    expect(await sh(w, 'docker run -itz alpine')).toMatchObject({ stderr: "unknown shorthand flag: 'z' in -z\nSee 'docker run --help'.\n", exitCode: 125 });
  });
});
