import type { ExecResult } from '../../../api.ts';
import type { CmdEnv, SimCommand } from '../../types.ts';
import { parseCommand, type DockerCommand, type FlagValues } from './define.ts';
import { groupHelp, leafHelp, rootHelp } from './help.ts';
import { COMMANDS, findSub, GROUPS, type Entry, type Group } from './registry.ts';
import { parseGlobals } from './globals.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** Loads every entry of a list (for the help that lists them): [name, definition, entry]. */
async function loadAll(subs: Record<string, Entry>): Promise<[string, DockerCommand, Entry][]> {
  return Promise.all(Object.entries(subs).map(async ([name, e]) => [name, (await e.load()).default, e] as [string, DockerCommand, Entry]));
}

/** `docker --help`: Common Commands by category-top, the groups, then the other commands by name. */
async function rootUsage(env: CmdEnv): Promise<string> {
  const all = await loadAll(COMMANDS);
  const top = all.filter(([, d]) => d.top !== undefined).sort(([, a], [, b]) => (a.top as number) - (b.top as number));
  return rootHelp(
    {
      top: top.map(([n, d]) => [n, d.short]),
      groups: Object.entries(GROUPS)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([n, g]) => [n, g.short]),
      commands: all.filter(([, d]) => d.top === undefined).map(([n, d]) => [n, d.short]),
    },
    env.columns,
    env.tty,
  );
}

async function groupUsage(name: string, g: Group): Promise<string> {
  return groupHelp(
    `docker ${name}`,
    g.short,
    (await loadAll(g.subs)).map(([n, d]) => [n, d.short]),
  );
}

/** pflag's error for a flag the command does not have: `unknown flag: --x`, `unknown shorthand flag: 'x' in -xy`. */
const unknownFlag = (arg: string) => (arg.startsWith('--') ? `unknown flag: ${arg.split('=')[0]}` : `unknown shorthand flag: '${arg[1]}' in ${arg}`);

/** Parses, answers --help, or runs one subcommand reached as `parent name`. */
async function invoke(parent: string, name: string, entry: Entry, args: string[], env: CmdEnv): Promise<ExecResult> {
  const def = (await entry.load()).default;
  const use = entry.use ?? def.use;
  const path = `${parent} ${name}`;
  const p = parseCommand(def, args);
  // docker/cli@v27.3.1:cli/cobra.go FlagErrorFunc: the error, the help hint, status 125.
  if (!p.ok) return R('', `${p.error}\nSee '${path} --help'.\n`, 125);
  if (p.help) {
    const text = def.pluginHelp ?? leafHelp({ def, parent, use, cobraAliases: entry.aliases ?? [] }, env.columns);
    return R(text, p.helpShorthand ? 'Flag shorthand -h has been deprecated, use --help\n' : '');
  }
  // docker/cli@v27.3.1:cmd/docker/docker.go areFlagsSupported (PersistentPreRunE): one line a flag, printed by main, status 1.
  const experimental = def.flags.filter((f) => f.experimental && p.flags[f.long] !== undefined);
  if (experimental.length)
    return R('', experimental.map((f) => `"--${f.long}" is only supported on a Docker daemon with experimental features enabled\n`).join(''), 1);
  return def.run(p.flags as FlagValues<typeof def.flags>, p.rest, env, { path, useLine: `${parent} ${use}`, short: def.short });
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
    if (!sub || g.help) return R(await rootUsage(env));
    if (env.self.uid !== 0)
      return R(
        '',
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n',
        1,
      );
    const group = Object.hasOwn(GROUPS, sub) ? GROUPS[sub] : undefined;
    if (group) {
      const [s2, ...r2] = rest;
      if (s2 === undefined || s2 === '--help' || s2 === '-h') return R(await groupUsage(sub, group));
      // The group's only flag is --help: anything else is cobra's flag error, with the group's usage (FlagErrorFunc).
      if (s2.startsWith('-') && s2 !== '--')
        return R('', `${unknownFlag(s2)}\nSee 'docker ${sub} --help'.\n\n${(await groupUsage(sub, group)).slice(1)}\n`, 125);
      const found = findSub(group, s2);
      // docker/cli@v27.3.1:cli/required.go NoArgs: a command with subcommands answers a stray word with its usage
      // ("\n" + UsageString, printed by main with Fprintln, status 1).
      if (!found) return R('', await groupUsage(sub, group), 1);
      return invoke(`docker ${sub}`, found[0], found[1], r2, env);
    }
    const entry = Object.hasOwn(COMMANDS, sub) ? COMMANDS[sub] : undefined;
    if (!entry) return R('', `docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`, 1);
    return invoke('docker', sub, entry, rest, env);
  },
};
