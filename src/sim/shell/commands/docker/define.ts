/**
 * The kit for docker subcommands: one file per subcommand exports `defineCommand({...})`
 * with its cobra fields (Use, Short, Long, the "aliases" annotation, category-top) and its
 * pflag flag table; the registry (registry.ts) parses the arguments with that table,
 * answers `--help` from it (help.ts) and completes from it. `run` receives the flags
 * typed from the table, so a subcommand never re-declares them.
 */
import type { ExecResult } from '../../../api.ts';
import { parseFlags, type FlagDef } from '../../args.ts';
import { parseCpus, parseDuration, parseFloat64, parseInt64, parseUint, parseUlimit, ramInBytes, type GoResult } from '../../kit/govalues.ts';
import type { CmdEnv } from '../../types.ts';

/**
 * A flag's value type as pflag names it (Value.Type()): `bool`, `string`, `int`, `duration`,
 * docker/cli's `list` (opts.ListOpts), `filter`, `bytes` (opts.MemBytes), `map`, `mount`…
 * UnquoteUsage prints it after the flag name (`bool` prints nothing, `stringSlice` prints `strings`).
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float'
  | 'duration'
  | 'list'
  | 'filter'
  | 'bytes'
  | 'decimal'
  | 'map'
  | 'mount'
  | 'network'
  | 'ulimit'
  | 'gpu-request'
  | 'stringSlice'
  | 'stringArray'
  | 'command'
  | 'external'
  // docker/cli@v27.3.1:cli/command/swarm/opts.go NodeAddrOption, ExternalCAOption, PEMFile; ipnet_slice.go.
  | 'node-addr'
  | 'external-ca'
  | 'pem-file'
  | 'ipNetSlice'
  // docker/cli@v27.3.1:cli/command/service/opts.go Uint64Opt, placementPrefOpts, credentialSpecOpt; opts/port.go, secret.go, config.go.
  | 'uint'
  | 'pref'
  | 'credential-spec'
  | 'port'
  | 'secret'
  | 'config';

/** Types whose flag may be given again and again, each value kept (`-e A -e B`). */
const REPEATED = [
  'list',
  'filter',
  'map',
  'mount',
  'network',
  'ulimit',
  'gpu-request',
  'stringSlice',
  'stringArray',
  'port',
  'secret',
  'config',
  'pref',
] as const;
type Repeated = (typeof REPEATED)[number];

export interface DockerFlag {
  readonly long: string;
  readonly short?: string;
  readonly type: FlagType;
  /** pflag's Usage text, as the Go source writes it. */
  readonly usage: string;
  /** pflag's DefValue (Value.String() of the default), when it is not the zero value. */
  readonly default?: string;
  /** MarkHidden, or hidden by the CLI for this daemon (hideUnsupportedFeatures): parsed, not listed. */
  readonly hidden?: boolean;
  /**
   * `false`: Docker's flag, parsed and validated as docker/cli does (a bad value is the same flag
   * error), with no effect in the simulator beyond what the command records of it.
   */
  readonly sim?: false;
  /**
   * The "experimental" annotation: node1's daemon has no experimental features, so setting the flag is
   * cmd/docker/docker.go areFlagsSupported's error (index.ts).
   */
  readonly experimental?: true;
  /**
   * docker/cli's validator of one value (opts.ValidateIPAddress for --dns, ValidateExtraHost for
   * --add-host…), called when the flag is set, as pflag calls Value.Set: the error's text, or undefined.
   */
  readonly check?: (value: string) => string | undefined;
  /**
   * A bool flag whose Value is a func (buildx's cobrautil.BoolFuncValue): its DefValue is "", which pflag's
   * defaultIsZeroValue (boolFlag: DefValue == "false") does not take for zero, so the help says "(default )".
   */
  readonly boolFunc?: true;
}

type ValueOf<F> = F extends { type: 'bool' } ? boolean : F extends { type: Repeated } ? string[] : string;

/** The parsed flags `run` receives, keyed and typed from the command's `const` flag table. */
export type FlagValues<T extends readonly DockerFlag[]> = {
  [F in T[number] as F['long']]?: ValueOf<F>;
};

/** How the command was reached: `docker container ls` for the ps command under `container`. */
export interface Invocation {
  /** The command path as cobra's CommandPath() prints it. */
  path: string;
  /** Use with the parent path: cobra's UseLine(). */
  useLine: string;
  short: string;
}

export interface DockerCommand<T extends readonly DockerFlag[] = readonly DockerFlag[]> {
  /** cobra's Use: the name, then the arguments (`stop [OPTIONS] CONTAINER [CONTAINER...]`). */
  readonly use: string;
  readonly short: string;
  /** cobra's Long, printed by --help instead of Short when set. */
  readonly long?: string;
  /** The "aliases" annotation (commandAliases prints it as is). */
  readonly aliases?: string;
  /** cobra's Aliases: other names under the same parent (`remove` for `rm`). */
  readonly cobraAliases?: readonly string[];
  /** The "category-top" annotation: listed under Common Commands by `docker --help`. */
  readonly top?: number;
  readonly example?: string;
  readonly flags: T;
  /**
   * The flag table is not modelled (service create/update's ~70 options): every word starting with `-` is taken
   * as a flag without a value and left out of the arguments; --help still answers. Only for commands whose every
   * outcome on node1 is the same daemon error.
   */
  readonly anyFlags?: true;
  /** `false`: flags end at the first argument (SetInterspersed(false): run, create, exec). */
  readonly interspersed?: false;
  run(flags: FlagValues<T>, rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult>;
}

export function defineCommand<const T extends readonly DockerFlag[]>(c: DockerCommand<T>): DockerCommand<T> {
  return c;
}

/** The name: Use's first word. */
export const nameOf = (c: Pick<DockerCommand, 'use'>): string => c.use.split(/\s/)[0] as string;

/** cobra's persistent --help (docker/cli@v27.3.1:cli/cobra.go: hidden, its -h deprecated). */
export const HELP_FLAG: DockerFlag = { long: 'help', short: 'h', type: 'bool', usage: 'Print usage', hidden: true };

/** The flags the parser knows: all of the table's, and --help (-h unless the command has its own -h). */
export function parserDefs(flags: readonly DockerFlag[]): FlagDef[] {
  // A command's table is a constant: its parser definitions are made once (every docker command parses twice: root, then its own).
  let defs = defsMemo.get(flags);
  if (!defs) defsMemo.set(flags, (defs = makeParserDefs(flags)));
  return defs;
}
const defsMemo = new WeakMap<readonly DockerFlag[], FlagDef[]>();

function makeParserDefs(flags: readonly DockerFlag[]): FlagDef[] {
  const known = flags;
  // run and create declare their own --help ("Print usage"); -h is theirs for --hostname.
  const help = known.some((f) => f.long === 'help') ? [] : [known.some((f) => f.short === 'h') ? { ...HELP_FLAG, short: undefined } : HELP_FLAG];
  return [...known, ...help].map((f) => ({
    long: f.long,
    ...(f.short ? { short: f.short } : {}),
    type: f.type === 'bool' ? 'bool' : (REPEATED as readonly string[]).includes(f.type) ? 'list' : 'string',
  }));
}

export type ParsedCommand = { ok: true; help: boolean; helpShorthand: boolean; flags: Record<string, unknown>; rest: string[] } | { ok: false; error: string };

/** Parses argv with the command's table; `help` says --help (or -h) was given. */
export function parseCommand(def: DockerCommand, args: string[]): ParsedCommand {
  if (def.anyFlags) {
    const end = args.indexOf('--');
    const before = end < 0 ? args : args.slice(0, end);
    const help = before.includes('--help') || before.includes('-h');
    return {
      ok: true,
      help,
      helpShorthand: help && !before.includes('--help'),
      flags: {},
      rest: [...before.filter((a) => !a.startsWith('-')), ...(end < 0 ? [] : args.slice(end + 1))],
    };
  }
  // pflag parses a bool's `=value` with strconv.ParseBool, and says so when it cannot (args.ts).
  const p = parseFlags(args, parserDefs(def.flags), def.interspersed !== false);
  if (!p.ok) return p;
  const { help, ...flags } = p.flags;
  const bad = badValue(def.flags, flags);
  if (bad) return { ok: false, error: bad };
  // pflag: -h is a deprecated shorthand of --help ("Flag shorthand -h has been deprecated, use --help").
  const end = args.indexOf('--');
  const before = end < 0 ? args : args.slice(0, end);
  const helpShorthand = Boolean(help) && !def.flags.some((f) => f.short === 'h') && before.some((a) => /^-[^-]*h/.test(a)) && !before.includes('--help');
  return { ok: true, help: Boolean(help), helpShorthand, flags, rest: p.rest };
}

/** pflag's name of a flag in its errors: `-m, --memory`, or `--cpus`. */
export const flagName = (f: Pick<DockerFlag, 'long' | 'short'>) => (f.short ? `-${f.short}, --${f.long}` : `--${f.long}`);

/**
 * The error pflag gives for the first value its Value.Set refuses
 * (docker/cli@v27.3.1:vendor/github.com/spf13/pflag/flag.go failf: `invalid argument %q for %q flag: %v`).
 */
function badValue(table: readonly DockerFlag[], flags: Record<string, unknown>): string | undefined {
  for (const f of table) {
    const given = flags[f.long];
    if (given === undefined || typeof given === 'boolean') continue;
    for (const v of Array.isArray(given) ? (given as string[]) : [given as string]) {
      const why = valueError(f, v) ?? f.check?.(v);
      if (why) return `invalid argument ${JSON.stringify(v)} for ${JSON.stringify(flagName(f))} flag: ${why}`;
    }
  }
  return undefined;
}

/** The Value.Set of each pflag and docker/cli type: the error's text, or undefined. */
function valueError(f: DockerFlag, v: string): string | undefined {
  const err = (r: GoResult<unknown>) => (r.ok ? undefined : r.error);
  switch (f.type) {
    case 'int':
    case 'int64':
      return err(parseInt64(v));
    case 'uint16':
      return err(parseUint(v, 16));
    case 'uint32':
      return err(parseUint(v, 32));
    case 'uint64':
    case 'uint':
      return err(parseUint(v, 64));
    case 'float':
      return err(parseFloat64(v));
    case 'duration':
      return err(parseDuration(v));
    // opts.MemBytes; --memory-swap is opts.MemSwapBytes, which also takes -1 (unlimited).
    case 'bytes':
      return f.long === 'memory-swap' && v === '-1' ? undefined : err(ramInBytes(v));
    // opts.NanoCPUs (--cpus).
    case 'decimal':
      return err(parseCpus(v));
    // opts.UlimitOpt.
    case 'ulimit':
      return err(parseUlimit(v));
    case 'gpu-request':
      return gpuError(v);
    default:
      return undefined;
  }
}

/** docker/cli@v27.3.1:opts/gpus.go GpuOpts.Set: `all`, a count, or driver=, count=, device=, capabilities=, options=. */
function gpuError(value: string): string | undefined {
  const seen = new Set<string>();
  // csv.Reader: a quoted field keeps its commas (`"device=0,1"`).
  const fields =
    value
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)
      ?.filter((x, i, a) => x !== '' || i < a.length - 1)
      .map((x) =>
        x
          .replace(/,$/, '')
          .replace(/^"(.*)"$/, '$1')
          .replaceAll('""', '"'),
      ) ?? [];
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    if (seen.has(key)) return `gpu request key '${key}' can be specified only once`;
    seen.add(key);
    // parseCount: errors.Wrap(strconv.Atoi's error, "count must be an integer").
    const count = (s: string) =>
      s === 'all' || /^[+-]?\d+$/.test(s) ? undefined : `count must be an integer: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
    if (eq < 0) {
      seen.add('count');
      const e = count(key);
      if (e) return e;
      continue;
    }
    if (key === 'count') {
      const e = count(field.slice(eq + 1));
      if (e) return e;
    } else if (!['driver', 'device', 'capabilities', 'options'].includes(key)) return `unexpected key '${key}' in '${field}'`;
  }
  return undefined;
}

// docker/cli@v27.3.1:cli/flags/options.go: the --format usage texts the commands share (flagsHelper).
/** FormatHelp: the --format flag of list commands. */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;
/** InspectFormatHelp: the --format flag of inspect commands. */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;
