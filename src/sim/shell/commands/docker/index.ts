import type { ExecResult } from '../../../api.ts';
import type { CmdEnv, SimCommand } from '../../types.ts';
import { parseCommand, type DockerCommand, type DockerFlag, type FlagValues } from './define.ts';
import { groupHelp, leafHelp, rootHelp } from './help.ts';
import { COMMANDS, findGroup, findSub, GROUPS, type Entry, type Group } from './registry.ts';
import { parseGlobals } from './globals.ts';
import { timedLoad } from '../../limits.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** Loads every entry of a list (for the help that lists them): [name, definition, entry]. */
async function loadAll(subs: Record<string, Entry>): Promise<[string, DockerCommand, Entry][]> {
  return Promise.all(Object.entries(subs).map(async ([name, e]) => [name, (await timedLoad(e.load)).default, e] as [string, DockerCommand, Entry]));
}

/** cli/cobra.go decoratedName: a plugin's name with `*`. */
const decorated = (name: string, g: Group) => (g.plugin ? `${name}*` : name);

/** `docker --help`: Common Commands by category-top, the groups, the swarm ones, then the other commands by name. */
async function rootUsage(env: CmdEnv): Promise<string> {
  const all = await loadAll(COMMANDS);
  const top = all.filter(([, d]) => d.top !== undefined).sort(([, a], [, b]) => (a.top as number) - (b.top as number));
  const groups = Object.entries(GROUPS)
    .filter(([, g]) => !g.hidden)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return rootHelp(
    {
      top: top.map(([n, d]) => [n, d.short]),
      groups: groups.filter(([, g]) => !g.swarm).map(([n, g]) => [decorated(n, g), g.short]),
      swarm: groups.filter(([, g]) => g.swarm).map(([n, g]) => [n, g.short]),
      commands: all.filter(([, d]) => d.top === undefined).map(([n, d]) => [n, d.short]),
    },
    env.columns,
    env.tty,
  );
}

/** What a group's commands inherit from the plugin they belong to, and from an "experimentalCLI" group. */
interface Context {
  plugin?: Group['plugin'];
  experimental?: boolean;
  /**
   * buildx's persistent --builder defaults to $BUILDX_BUILDER (docker/buildx@v0.17.1:commands/root.go rootFlags), which
   * the CLI sets to the current context, "default", for a build it forwards (cmd/docker/builder.go processBuilder).
   */
  builder?: string;
}

async function groupUsage(path: string, g: Group, ctx: Context, env: CmdEnv): Promise<string> {
  const visible = Object.fromEntries(Object.entries(g.subs).filter(([, e]) => !e.hidden));
  return groupHelp({
    path,
    short: g.short,
    long: g.long,
    subs: (await loadAll(visible)).map(([n, d]) => [n, d.short]),
    groups: Object.entries(g.groups ?? {})
      .filter(([, s]) => !s.hidden)
      .map(([n, s]) => [n, s.short]),
    experimental: ctx.experimental,
    flags: ctx.plugin?.persistent,
    columns: env.columns,
    footer: ctx.plugin?.helpFooter,
  });
}

/** pflag's error for a flag the command does not have: `unknown flag: --x`, `unknown shorthand flag: 'x' in -xy`. */
const unknownFlag = (arg: string) => (arg.startsWith('--') ? `unknown flag: ${arg.split('=')[0]}` : `unknown shorthand flag: '${arg[1]}' in ${arg}`);

/** Parses, answers --help, or runs one subcommand reached as `parent name`. */
async function invoke(parent: string, name: string, entry: Entry, args: string[], env: CmdEnv, ctx: Context = {}): Promise<ExecResult> {
  const own = (await timedLoad(entry.load)).default;
  // A plugin's persistent flags are parsed by each of its commands (cobra merges them); the command may hide them.
  const extra: DockerFlag[] = (ctx.plugin?.persistent ?? [])
    .filter((f) => !own.flags.some((x) => x.long === f.long))
    .map((f) => (f.long === 'builder' && ctx.builder ? { ...f, default: ctx.builder } : f));
  const def = extra.length ? { ...own, flags: [...own.flags, ...extra] } : own;
  const use = entry.use ?? def.use;
  const path = `${parent} ${name}`;
  const p = parseCommand(def, args);
  // docker/cli@v27.3.1:cli/cobra.go FlagErrorFunc: the error, the help hint, status 125.
  if (!p.ok) return R('', `${p.error}\nSee '${path} --help'.\n`, 125);
  if (p.help) {
    const text = leafHelp(
      { def: own, parent, use, cobraAliases: entry.aliases ?? [], experimental: ctx.experimental, inherited: extra, footer: ctx.plugin?.helpFooter },
      env.columns,
    );
    return R(text, p.helpShorthand ? 'Flag shorthand -h has been deprecated, use --help\n' : '');
  }
  // The persistent --builder's default ($BUILDX_BUILDER) is its value when not given (a command's own hidden copy has none).
  if (ctx.builder && p.flags.builder === undefined && extra.some((f) => f.long === 'builder')) p.flags.builder = ctx.builder;
  // docker/cli@v27.3.1:cmd/docker/docker.go areFlagsSupported (PersistentPreRunE): one line a flag, printed by main, status 1.
  const experimental = def.flags.filter((f) => f.experimental && p.flags[f.long] !== undefined);
  if (experimental.length)
    return R('', experimental.map((f) => `"--${f.long}" is only supported on a Docker daemon with experimental features enabled\n`).join(''), 1);
  return def.run(p.flags as FlagValues<typeof def.flags>, p.rest, env, { path, useLine: `${parent} ${use}`, short: def.short });
}

/** `docker GROUP …`: its usage, a flag error, the usage for a word it does not have, or the subcommand. */
async function runGroup(path: string, group: Group, args: string[], env: CmdEnv, outer: Context): Promise<ExecResult> {
  const ctx: Context = {
    plugin: group.plugin ?? outer.plugin,
    experimental: outer.experimental || group.experimentalCli,
    builder: outer.builder ?? (group.plugin ? env.env.get('BUILDX_BUILDER') || undefined : undefined),
  };
  const [s2, ...r2] = args;
  if (group.experimentalDaemon) {
    // cmd/docker/docker.go areSubcommandsSupported, from the command reached (the group for a word it does not have):
    // printed by main, status 1; asked for help, setHelpFunc prints it (cobra's Println, stderr) instead, status 0.
    const sub = group.experimentalDaemon.find((names) => names.includes(s2 ?? ''));
    const msg = `${path}${sub ? ` ${sub[0]}` : ''} is only supported on a Docker daemon with experimental features enabled\n`;
    return args.includes('--help') || args.includes('-h') ? R('', msg) : R('', msg, 1);
  }
  // Asked for help, cobra's help goes to stdout. Alone, a group runs: docker/cli@v27.3.1:cli/command/cli.go ShowHelp
  // (cmd.SetOut(dockerCli.Err()), then the help), manifest/cmd.go its Fprint of "\n"+UsageString to Err: stderr, status 0.
  // A plugin's group has no Run (buildx's root, imagetools/root.go): cobra prints its help to stdout (flag.ErrHelp).
  if (s2 === '--help' || s2 === '-h') return R(await groupUsage(path, group, ctx, env));
  if (s2 === undefined) return ctx.plugin ? R(await groupUsage(path, group, ctx, env)) : R('', await groupUsage(path, group, ctx, env));
  // A group's only flag is --help (a plugin's: its persistent ones): anything else is cobra's flag error, with
  // the group's usage (FlagErrorFunc).
  if (s2.startsWith('-') && s2 !== '--') {
    const known = ctx.plugin?.persistent.find((f) => s2 === `--${f.long}` || (f.short !== undefined && s2 === `-${f.short}`));
    if (known && known.type === 'bool') return runGroup(path, group, r2, env, outer);
    if (known && r2.length) return runGroup(path, group, r2.slice(1), env, outer);
    return R('', `${unknownFlag(s2)}\nSee '${path} --help'.\n\n${(await groupUsage(path, group, ctx, env)).slice(1)}\n`, 125);
  }
  const inner = findGroup(group, s2);
  if (inner) return runGroup(`${path} ${s2}`, inner, r2, env, ctx);
  const found = findSub(group, s2);
  // docker/cli@v27.3.1:cli/required.go NoArgs: a command with subcommands answers a stray word with its usage
  // ("\n" + UsageString, printed by main with Fprintln, status 1). A plugin's group has no Args (cobra's legacyArgs
  // accepts the word under the plugin's root) and no Run: cobra prints its help (flag.ErrHelp), status 0.
  if (!found) return ctx.plugin ? R(await groupUsage(path, group, ctx, env)) : R('', await groupUsage(path, group, ctx, env), 1);
  return invoke(path, found[0], found[1], r2, env, ctx);
}

export const docker: SimCommand = {
  name: 'docker',
  noProcess: true,
  async run(args, env) {
    // docker/cli@v27.3.1:cli/cobra.go HandleGlobalFlags: the global options up to the first command;
    // a flag error is FlagErrorFunc's, which adds the usage of a command with subcommands.
    const g = await parseGlobals(args);
    if (!g.ok) return g.flagError ? R('', `${g.error}\nSee 'docker --help'.\n\n${(await rootUsage(env)).slice(1)}\n`, 125) : R('', `${g.error}\n`, 1);
    const [sub, ...rest] = g.rest;
    // cli/cobra.go SetVersionTemplate; cmd/docker/docker.go "%s, build %s".
    if (g.version) return R('Docker version 27.3.1, build ce12230\n');
    // cmd/docker/docker.go RunE: with no command, ShowHelp(dockerCli.Err()): the help on stderr, status 0.
    if (g.help) return R(await rootUsage(env));
    if (!sub) return R('', await rootUsage(env));
    if (env.self.uid !== 0)
      return R(
        '',
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n',
        1,
      );
    // cmd/docker/builder.go forwardBuilder: `build`, `image build` (and `builder build`) are buildx's build.
    const forwarded = sub === 'build' ? rest : (sub === 'image' || sub === 'builder') && rest[0] === 'build' ? rest.slice(1) : undefined;
    if (forwarded) {
      // hasBuilderName: a --builder among the arguments, or BUILDX_BUILDER set, and the CLI leaves it.
      const named = forwarded.some((a) => a === '--builder' || a.startsWith('--builder=')) || Boolean(env.env.get('BUILDX_BUILDER'));
      return runGroup('docker buildx', GROUPS.buildx as Group, ['build', ...forwarded], env, named ? {} : { builder: 'default' });
    }
    // The Compose plugin: its version command only (compose.ts).
    if (sub === 'compose') return (await import('./compose.ts')).compose(rest, env);
    const group = Object.hasOwn(GROUPS, sub) ? GROUPS[sub] : undefined;
    if (group) return runGroup(`docker ${sub}`, group, rest, env, {});
    const entry = Object.hasOwn(COMMANDS, sub) ? COMMANDS[sub] : undefined;
    if (!entry) return R('', `docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`, 1);
    return invoke('docker', sub, entry, rest, env);
  },
};
