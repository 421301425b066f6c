/**
 * `--help` as docker/cli v27.3.1 prints it: cobra's help template over the CLI's usage
 * template (docker/cli@v27.3.1:cli/cobra.go helpTemplate, usageTemplate), the flag table in
 * pflag's FlagUsagesWrapped format (docker/cli@v27.3.1:vendor/github.com/spf13/pflag/flag.go),
 * wrapped at the terminal's width minus one (cli/cobra.go wrappedFlagUsages; 80 without a terminal).
 */
import type { DockerCommand, DockerFlag } from './define.ts';

/** pflag UnquoteUsage: a back-quoted word of the usage names the value; else the type's name. */
function unquoteUsage(f: DockerFlag): [string, string] {
  const i = f.usage.indexOf('`');
  if (i >= 0) {
    const j = f.usage.indexOf('`', i + 1);
    if (j > i) return [f.usage.slice(i + 1, j), f.usage.slice(0, i) + f.usage.slice(i + 1, j) + f.usage.slice(j + 1)];
  }
  const names: Record<string, string> = { bool: '', float64: 'float', int64: 'int', uint64: 'uint', stringSlice: 'strings', stringArray: 'stringArray' };
  return [names[f.type] ?? f.type, f.usage];
}

/** pflag defaultIsZeroValue, over the DefValue the table keeps. */
function isZero(f: DockerFlag): boolean {
  const d = f.default ?? '';
  if (f.type === 'bool') return f.boolFunc ? d === 'false' : d === '' || d === 'false';
  if (f.type === 'duration') return d === '' || d === '0' || d === '0s';
  if (['int', 'int64', 'uint16', 'uint32', 'uint64', 'float'].includes(f.type)) return d === '' || d === '0';
  if (f.type === 'string') return d === '';
  if (f.type === 'stringSlice' || f.type === 'stringArray') return d === '' || d === '[]';
  return ['', 'false', '<nil>', '0'].includes(d);
}

/** pflag wrapN: split at the last blank before i (an earlier newline wins), unless it all fits in i+slop. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: the usage column from indent i to width w. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', `\n${' '.repeat(i)}`);
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  let [l, rest] = wrapN(width, slop, s);
  r += l.replaceAll('\n', `\n${' '.repeat(i)}`);
  while (rest !== '') {
    let t: string;
    [t, rest] = wrapN(width, slop, rest);
    r += `\n${' '.repeat(i)}${t.replaceAll('\n', `\n${' '.repeat(i)}`)}`;
  }
  return r;
}

/** pflag FlagSet.FlagUsagesWrapped(cols): flags sorted by name, hidden ones left out. */
export function flagUsages(flags: readonly DockerFlag[], cols: number): string {
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of [...flags].sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0))) {
    if (f.hidden) continue;
    let line = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    const [varname, usage] = unquoteUsage(f);
    if (varname) line += ` ${varname}`;
    line += '\x00';
    maxlen = Math.max(maxlen, line.length);
    line += usage;
    if (!isZero(f)) line += f.type === 'string' ? ` (default ${JSON.stringify(f.default)})` : ` (default ${f.default ?? ''})`;
    lines.push(line);
  }
  return lines
    .map((line) => {
      const sidx = line.indexOf('\x00');
      // fmt.Fprintln puts a blank between its operands.
      return `${line.slice(0, sidx)} ${' '.repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
    })
    .join('');
}

/** What the usage template needs of a leaf command, as reached by one path. */
export interface LeafHelp {
  def: DockerCommand;
  /** The parent's command path: `docker`, `docker container`. */
  parent: string;
  /** The Use this path has (`ls [OPTIONS]` for `docker container ls`). */
  use: string;
  cobraAliases: readonly string[];
  /** Under an "experimentalCLI" group (cli/cobra.go isExperimental looks at the parents). */
  experimental?: boolean;
  /** A plugin's persistent flags, merged into the command's own by cobra (mergePersistentFlags). */
  inherited?: readonly DockerFlag[];
  /** A plugin's addition to its help template. */
  footer?: string;
}

/** cli/cobra.go commandAliases: the annotation, else the command path and each alias under the parent. */
function aliasesOf(h: LeafHelp): string | undefined {
  if (h.def.aliases) return h.def.aliases;
  if (!h.cobraAliases.length) return undefined;
  const path = `${h.parent} ${h.use.split(/\s/)[0]}`;
  return [path, ...h.cobraAliases.map((a) => `${h.parent} ${a}`)].join(', ');
}

/** A leaf command's `--help` (helpTemplate: a newline, then the usage). */
export function leafHelp(h: LeafHelp, columns: number): string {
  const { def } = h;
  let out = `\nUsage:  ${h.parent} ${h.use}\n\n${(def.long ?? def.short).trim()}`;
  if (h.experimental) out += experimentalBlock(`${h.parent} ${h.use.split(/\s/)[0]}`);
  const aliases = aliasesOf(h);
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (def.example) out += `\n\nExamples:\n${def.example.trimEnd()}`;
  const own = new Set(def.flags.map((f) => f.long));
  const visible = [...def.flags, ...(h.inherited ?? []).filter((f) => !own.has(f.long))].filter((f) => !f.hidden);
  if (visible.length) out += `\n\nOptions:\n${flagUsages(visible, columns - 1).trimEnd()}`;
  return `${out}\n${h.footer ?? ''}`;
}

/** One line of a command list: `rpad name NamePadding`, a blank, Short (NamePadding is at least 11). */
const listLine = (name: string, short: string, pad: number) => `\n  ${name.padEnd(pad)} ${short}`;

/** What the usage template needs of a command with subcommands. */
export interface GroupHelp {
  path: string;
  short: string;
  long?: string;
  /** [name as listed (decoratedName), Short] of the visible commands without subcommands. */
  subs: [string, string][];
  /** The same of the visible groups inside it ("Management Commands:"). */
  groups?: [string, string][];
  /** The "experimentalCLI" annotation. */
  experimental?: boolean;
  /** Its flags (a plugin's persistent ones): "[OPTIONS]" in the usage line and an "Options:" block. */
  flags?: readonly DockerFlag[];
  columns?: number;
  /** A plugin's addition to its help template (buildx: the experimental-commands line). */
  footer?: string;
}

// docker/cli@v27.3.1:cli/cobra.go usageTemplate: the EXPERIMENTAL block of an "experimentalCLI" command.
const experimentalBlock = (path: string) =>
  `\n\nEXPERIMENTAL:\n  ${path} is an experimental feature.\n  Experimental features provide early access to product functionality. These\n  features may change between releases without warning, or can be removed from a\n  future release. Learn more about experimental features in our documentation:\n  https://docs.docker.com/go/experimental/`;

/** A management group's help (`docker image`): its commands and groups, its flags when it has visible ones. */
export function groupHelp(g: GroupHelp): string {
  const sorted = (l: [string, string][]) => [...l].sort(([a], [b]) => (a < b ? -1 : 1));
  const pad = Math.max(11, ...g.subs.map(([n]) => n.length), ...(g.groups ?? []).map(([n]) => n.length));
  const visible = (g.flags ?? []).filter((f) => !f.hidden);
  let out = `\nUsage:  ${g.path}${visible.length ? ' [OPTIONS]' : ''} COMMAND\n\n${(g.long ?? g.short).trim()}`;
  if (g.experimental) out += experimentalBlock(g.path);
  if (visible.length) out += `\n\nOptions:\n${flagUsages(visible, (g.columns ?? 80) - 1).trimEnd()}`;
  if (g.groups?.length)
    out += `\n\nManagement Commands:${sorted(g.groups)
      .map(([n, s]) => listLine(n, s, pad))
      .join('')}`;
  if (g.subs.length)
    out += `\n\nCommands:${sorted(g.subs)
      .map(([n, s]) => listLine(n, s, pad))
      .join('')}`;
  return `${out}\n\nRun '${g.path} COMMAND --help' for more information on a command.\n${g.footer ?? ''}`;
}

// docker/cli@v27.3.1:cli/flags/options.go InstallFlags and cmd/docker/docker.go (--version): the root's flags.
// The config directory is root's (config.Dir(): $HOME/.docker).
export const GLOBAL_FLAGS: DockerFlag[] = [
  { long: 'config', type: 'string', default: '/root/.docker', usage: 'Location of client config files' },
  { long: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { long: 'log-level', short: 'l', type: 'string', default: 'info', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")' },
  { long: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { long: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
  { long: 'tlscacert', type: 'string', default: '/root/.docker/ca.pem', usage: 'Trust certs signed only by this CA' },
  { long: 'tlscert', type: 'string', default: '/root/.docker/cert.pem', usage: 'Path to TLS certificate file' },
  { long: 'tlskey', type: 'string', default: '/root/.docker/key.pem', usage: 'Path to TLS key file' },
  { long: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
  {
    long: 'context',
    short: 'c',
    type: 'string',
    usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  { long: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
];

export interface RootLists {
  /** Commands with category-top, by that number. */
  top: [string, string][];
  groups: [string, string][];
  /** The groups with the "swarm" annotation that this node shows (cli/cobra.go orchestratorSubCommands). */
  swarm: [string, string][];
  commands: [string, string][];
}

/** `docker --help` (cmd/docker/docker.go: Use "docker [OPTIONS] COMMAND [ARG...]", Short; cli/cobra.go additionalHelp). */
export function rootHelp(lists: RootLists, columns: number, tty: boolean): string {
  const names = [...lists.top, ...lists.groups, ...lists.swarm, ...lists.commands].map(([n]) => n);
  const pad = Math.max(11, ...names.map((n) => n.length));
  const block = (title: string, l: [string, string][]) => `\n\n${title}:${l.map(([n, s]) => listLine(n, s, pad)).join('')}`;
  const more = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  // additionalHelp is bold (aec Bold) when the output is a terminal.
  const extra = tty ? `\x1b[1m${more}\x1b[0m` : more;
  return `\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers${block('Common Commands', lists.top)}${block('Management Commands', lists.groups)}${lists.swarm.length ? block('Swarm Commands', lists.swarm) : ''}${block('Commands', lists.commands)}\n\nGlobal Options:\n${flagUsages(GLOBAL_FLAGS, columns - 1).trimEnd()}\n\nRun 'docker COMMAND --help' for more information on a command.\n\n${extra}\n`;
}
