import { describe, expect, it } from 'vitest';
import { nameOf } from '../../../src/sim/shell/commands/docker/define.ts';
import { COMMANDS, GROUPS, type Entry, type Group } from '../../../src/sim/shell/commands/docker/registry.ts';
import { sh, world } from '../helpers.ts';
import { helpText } from './help.ts';

/** Every group the registry serves, groups inside groups too (`docker trust key`): [path, group]. */
const groupsOf = (path: string, g: Group): [string, Group][] => [[path, g], ...Object.entries(g.groups ?? {}).flatMap(([n, s]) => groupsOf(`${path} ${n}`, s))];
// checkpoint, refused whole on node1's daemon (swarm.test.ts), has no usage to list.
const groups: [string, Group][] = Object.entries(GROUPS)
  .filter(([, g]) => !g.experimentalDaemon)
  .flatMap(([n, g]) => groupsOf(`docker ${n}`, g));

/** Every path the registry serves: [parent, name, entry]. */
const paths: [string, string, Entry][] = [
  ...Object.entries(COMMANDS).map(([n, e]) => ['docker', n, e] as [string, string, Entry]),
  ...groups.flatMap(([path, grp]) => Object.entries(grp.subs).map(([n, e]) => [path, n, e] as [string, string, Entry])),
];

describe('the docker command registry', () => {
  it('every registered subcommand loads, is named as registered and has a Short, a Use and described flags', async () => {
    for (const [parent, name, entry] of paths) {
      const def = (await entry.load()).default;
      const use = entry.use ?? def.use;
      expect(nameOf({ use }), `${parent} ${name}`).toBe(name);
      expect(def.short.length, `${parent} ${name}`).toBeGreaterThan(5);
      const longs = new Set<string>();
      const shorts = new Set<string>();
      for (const f of def.flags) {
        expect(f.usage.length, `${parent} ${name} --${f.long}`).toBeGreaterThan(3);
        expect(longs.has(f.long), `${parent} ${name}: --${f.long} twice`).toBe(false);
        longs.add(f.long);
        if (f.short) {
          expect(shorts.has(f.short), `${parent} ${name}: -${f.short} twice`).toBe(false);
          shorts.add(f.short);
        }
      }
    }
  });

  it('every registered subcommand answers --help with its usage line and every visible flag', async () => {
    const w = await world([]);
    for (const [parent, name, entry] of paths) {
      const def = (await entry.load()).default;
      const r = await sh(w, `${parent} ${name} --help`);
      expect(r.exitCode, `${parent} ${name}`).toBe(0);
      // docker/cli@v27.3.1:cmd/docker/builder.go forwardBuilder: build, image build and builder build are buildx's build.
      const shown = name === 'build' && ['docker', 'docker image', 'docker builder'].includes(parent) ? 'docker buildx' : parent;
      expect(r.out.startsWith(`\nUsage:  ${shown} ${entry.use ?? def.use}\n\n`), `${parent} ${name}`).toBe(true);
      for (const f of def.flags.filter((x) => !x.hidden)) expect(r.out, `${parent} ${name} --${f.long}`).toContain(`--${f.long}`);
      // A buildx command also lists the plugin's persistent flags it does not hide (-D, --debug at least).
      const plugin = parent.startsWith('docker buildx');
      if (plugin || def.flags.some((f) => !f.hidden)) expect(r.out, `${parent} ${name}`).toContain('\nOptions:\n');
      else expect(r.out, `${parent} ${name}`).not.toContain('Options:');
    }
  });

  it('each group lists exactly its registered subcommands and groups but the hidden ones, each with its Short', async () => {
    const w = await world([]);
    const section = (out: string, title: string) =>
      out
        .split(`\n${title}:\n`)[1]
        ?.split('\n\n')[0]
        ?.split('\n')
        .map((l) => l.trim().split(/\s+/)[0]) ?? [];
    for (const [path, grp] of groups) {
      const out = (await sh(w, path)).out;
      const visible = Object.entries(grp.subs).filter(([, e]) => !e.hidden);
      expect(section(out, 'Commands'), path).toEqual(visible.map(([n]) => n).sort());
      expect(section(out, 'Management Commands'), path).toEqual(Object.keys(grp.groups ?? {}).sort());
      for (const [, e] of visible) expect(out).toContain((await e.load()).default.short);
    }
  });

  it('an unknown subcommand of a group answers with the group usage, as cli.NoArgs does; an unknown command as before', async () => {
    const w = await world([]);
    // docker/cli@v27.3.1:cli/required.go NoArgs: "\n" + UsageString on stderr (Fprintln), status 1.
    const image = await sh(w, 'docker image bogus');
    expect(image.stdout).toBe('');
    expect(image.stderr).toBe(helpText('image'));
    expect(image.exitCode).toBe(1);
    for (const [path, grp] of groups) {
      const r = await sh(w, `${path} bogus`);
      const help = (await sh(w, `${path} --help`)).stdout;
      // A plugin's group (buildx) has no Args check and no Run: cobra prints its help on stdout, status 0.
      if (path.startsWith('docker buildx')) expect([r.stdout, r.exitCode], path).toEqual([help, 0]);
      else expect([r.stderr, r.exitCode], path).toEqual([help, 1]);
      expect(grp.short.length).toBeGreaterThan(5);
    }
    expect((await sh(w, 'docker bogus')).out).toBe("docker: 'bogus' is not a docker command.\nSee 'docker --help'\n");
  });

  it('an unknown flag of a group or of docker is a flag error followed by the usage (FlagErrorFunc), status 125', async () => {
    const w = await world([]);
    const r = await sh(w, 'docker image --bogus');
    expect(r.stderr).toBe(`unknown flag: --bogus\nSee 'docker image --help'.\n\n${helpText('image').slice(1)}\n`);
    expect(r.exitCode).toBe(125);
    const q = await sh(w, 'docker network -q');
    expect(q.stderr.split('\n').slice(0, 4)).toEqual([
      "unknown shorthand flag: 'q' in -q",
      "See 'docker network --help'.",
      '',
      'Usage:  docker network COMMAND',
    ]);
    const root = await sh(w, 'docker --bogus');
    expect(root.stderr).toBe(`unknown flag: --bogus\nSee 'docker --help'.\n\n${(await sh(w, 'docker --help')).stdout.slice(1)}\n`);
    expect(root.exitCode).toBe(125);
  });
});

describe('docker [OPTIONS]: the global options docker --help lists', () => {
  it('are accepted before the command, and checked as docker/cli checks them', async () => {
    const w = await world([]);
    const ps = (await sh(w, 'docker ps')).stdout;
    for (const line of [
      'docker -D ps',
      'docker --debug --log-level warn ps',
      'docker -l debug --tls --tlsverify --tlscacert /x --tlscert /y --tlskey /z ps',
      'docker --config /tmp/cfg ps',
      'docker -H unix:///var/run/docker.sock ps',
      'docker --context default ps',
      'docker -c default ps',
    ]) {
      const r = await sh(w, line);
      expect(r.stdout, line).toBe(ps);
      expect(r.exitCode, line).toBe(0);
    }
    const cases: [string, string][] = [
      // cli/flags/options.go SetLogLevel.
      ['docker -l loud ps', 'Unable to parse logging level: loud\n'],
      // cli/command/cli.go Initialize.
      ['docker -H tcp://10.0.0.1:2375 -c default ps', 'conflicting options: either specify --host or --context, not both\n'],
      // metadatastore.go get/getByID under DockerCli.initialize: the context's directory is the SHA-256 of its name.
      [
        'docker --context nope ps',
        'unable to resolve docker endpoint: context "nope": context not found: open /root/.docker/contexts/meta/ca3704aa0b06f5954c79ee837faa152d84d6b2d42838f0637a15eda8337dbdce/meta.json: no such file or directory\n',
      ],
      ['docker -H unix:///run/other.sock ps', 'Cannot connect to the Docker daemon at unix:///run/other.sock. Is the docker daemon running?\n'],
    ];
    for (const [line, err] of cases) {
      const r = await sh(w, line);
      expect(r.stderr, line).toBe(err);
      expect(r.exitCode, line).toBe(1);
    }
    expect((await sh(w, 'docker -D -v')).stdout).toBe('Docker version 27.3.1, build ce12230\n');
  });
});
