import { describe, expect, it } from 'vitest';
import type { DockerFlag } from '../../../src/sim/shell/commands/docker/define.ts';
import { COMMANDS, GROUPS, type Entry } from '../../../src/sim/shell/commands/docker/registry.ts';
import { sh, world } from '../helpers.ts';

/** Every path the registry serves: [parent, name, entry]. */
const paths: [string, string, Entry][] = [
  ...Object.entries(COMMANDS).map(([n, e]) => ['docker', n, e] as [string, string, Entry]),
  ...Object.entries(GROUPS).flatMap(([g, grp]) => Object.entries(grp.subs).map(([n, e]) => [`docker ${g}`, n, e] as [string, string, Entry])),
];

/** A value each flag's Value.Set takes: by flag where docker/cli validates it, else by type. */
const BY_FLAG: Record<string, string> = {
  dns: '1.1.1.1',
  // docker service update (service/update.go: the same validators as create's --dns and --host).
  'dns-add': '1.1.1.1',
  host: 'db:10.0.0.5',
  'host-add': 'db:10.0.0.5',
  'add-host': 'db:10.0.0.5',
  'device-read-bps': '/dev/sda:1mb',
  'device-write-bps': '/dev/sda:1mb',
  'device-read-iops': '/dev/sda:10',
  'device-write-iops': '/dev/sda:10',
  'blkio-weight-device': '/dev/sda:100',
  'device-cgroup-rule': 'c 1:3 mr',
  link: 'db:alias',
};
const BY_TYPE: Record<string, string> = {
  int: '1',
  int64: '1',
  uint16: '10',
  uint32: '10',
  uint64: '1',
  uint: '1',
  float: '1.5',
  duration: '1s',
  bytes: '64m',
  decimal: '0.5',
  ulimit: 'nofile=1:2',
  'gpu-request': 'all',
};
const good = (f: DockerFlag) => BY_FLAG[f.long] ?? BY_TYPE[f.type] ?? 'x';

/** A value each typed flag refuses, and the reason pflag gives (Go's and go-units' texts). */
const BAD: Record<string, [string, (v: string) => string]> = {
  int: ['x', (v) => `strconv.ParseInt: parsing "${v}": invalid syntax`],
  int64: ['1.5', (v) => `strconv.ParseInt: parsing "${v}": invalid syntax`],
  uint16: ['70000', (v) => `strconv.ParseUint: parsing "${v}": value out of range`],
  uint32: ['4294967296', (v) => `strconv.ParseUint: parsing "${v}": value out of range`],
  uint64: ['-1', (v) => `strconv.ParseUint: parsing "${v}": invalid syntax`],
  uint: ['-1', (v) => `strconv.ParseUint: parsing "${v}": invalid syntax`],
  float: ['x', (v) => `strconv.ParseFloat: parsing "${v}": invalid syntax`],
  duration: ['10', (v) => `time: missing unit in duration "${v}"`],
  bytes: ['10q', () => "invalid suffix: 'q'"],
  decimal: ['one', (v) => `failed to parse ${v} as a rational number`],
  ulimit: ['nofile', (v) => `invalid ulimit argument: ${v}`],
  'gpu-request': ['bogus=1', () => "unexpected key 'bogus' in 'bogus=1'"],
};

describe('every flag docker --help lists is accepted (docker/cli@v27.3.1 flag tables)', () => {
  it('each flag of each command, by each path, with a value it takes, parses (no "unknown flag")', async () => {
    const w = await world([]);
    let n = 0;
    for (const [parent, name, entry] of paths) {
      const def = (await entry.load()).default;
      for (const f of def.flags) {
        if (f.long === 'help') continue;
        const given = f.type === 'bool' ? `--${f.long}` : `--${f.long}='${good(f)}'`;
        const line = `${parent} ${name} ${given} --help`;
        const r = await sh(w, line);
        expect(r.stderr, line).not.toMatch(/unknown (shorthand )?flag/);
        expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
        if (f.short) {
          const s = await sh(w, f.type === 'bool' ? `${parent} ${name} -${f.short} --help` : `${parent} ${name} -${f.short} '${good(f)}' --help`);
          expect(s.exitCode, `${parent} ${name} -${f.short}\n${s.stderr}`).toBe(0);
        }
        n++;
      }
    }
    expect(n).toBeGreaterThan(300);
  });

  it("a value its type refuses is pflag's flag error, naming the flag as pflag does, status 125", async () => {
    const w = await world([]);
    let n = 0;
    for (const [parent, name, entry] of paths) {
      const def = (await entry.load()).default;
      for (const f of def.flags) {
        const bad = BAD[f.type];
        if (!bad) continue;
        const line = `${parent} ${name} --${f.long} ${bad[0]} --help`;
        const r = await sh(w, line);
        const flag = f.short ? `-${f.short}, --${f.long}` : `--${f.long}`;
        // cmd/docker/builder.go forwardBuilder: a build is buildx's, whose errors name `docker buildx build`.
        const path = name === 'build' && ['docker', 'docker image', 'docker builder'].includes(parent) ? 'docker buildx build' : `${parent} ${name}`;
        expect(r.stderr, line).toBe(`invalid argument "${bad[0]}" for "${flag}" flag: ${bad[1](bad[0])}\nSee '${path} --help'.\n`);
        expect(r.exitCode, line).toBe(125);
        n++;
      }
    }
    expect(n).toBeGreaterThan(60);
  });
});
