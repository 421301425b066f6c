/** One flag, declared as data. `long` is the flag name; `short` its one-letter form. */
export interface FlagDef {
  long: string;
  short?: string;
  /** pflag's Int, Int32 and Int64 flags parse their value with strconv.ParseInt(s, 0, bits) as they are met. */
  type: 'bool' | 'string' | 'list' | 'int' | 'int32' | 'int64';
  /** pflag's NoOptDefVal: the value `--flag` takes when no `=value` follows (kubectl's `--dry-run`: "unchanged"). */
  noOpt?: string;
}

export type Parsed = { ok: true; flags: Record<string, string | boolean | string[] | number | undefined>; rest: string[] } | { ok: false; error: string };

interface Tables {
  longs: Map<string, FlagDef>;
  shorts: Map<string, FlagDef>;
}

/** The lookups of a definition list, made once per list. */
const tableMemo = new WeakMap<FlagDef[], Tables>();
function tables(defs: FlagDef[]): Tables {
  let t = tableMemo.get(defs);
  if (!t) {
    t = {
      longs: new Map(defs.map((d) => [d.long, d])),
      shorts: new Map(defs.filter((d) => d.short).map((d) => [d.short as string, d])),
    };
    tableMemo.set(defs, t);
  }
  return t;
}

/** strconv.ParseBool's words (Go 1.22 strconv/atob.go). */
export const GO_BOOL: Record<string, boolean> = {
  1: true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  0: false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

const BITS = { int: 64, int32: 32, int64: 64 } as const;

/**
 * Go's strconv.ParseInt(s, 0, bits) (Go 1.22 strconv/atoi.go): a sign, then a base prefix (0x, 0o, 0b, or a leading 0
 * for octal), digits, and `_` only between digits or after the prefix (underscoreOK). Returns the value or the
 * NumError's reason, "invalid syntax" or "value out of range".
 */
export function goParseInt(s: string, bits: 32 | 64): number | 'invalid syntax' | 'value out of range' {
  const m = /^([+-]?)(0[xXbBoO]?)?(.*)$/s.exec(s)!;
  const [, sign, rawPrefix = '', rest = ''] = m;
  // A lone `0` is the number zero, not an octal prefix.
  const [prefix, body] = rawPrefix === '0' && rest === '' ? ['', '0'] : [rawPrefix, rest];
  if (!body) return 'invalid syntax';
  const base = /[xX]/.test(prefix) ? 16 : /[bB]/.test(prefix) ? 2 : prefix ? 8 : 10;
  const digit = base === 16 ? /^[0-9a-fA-F]$/ : base === 2 ? /^[01]$/ : base === 8 ? /^[0-7]$/ : /^[0-9]$/;
  // underscoreOK: `_` must follow a digit or the prefix and precede a digit.
  const chars = [...body];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '_') {
      const before = i === 0 ? prefix !== '' : chars[i - 1] !== '_';
      if (!before || i === chars.length - 1 || chars[i + 1] === '_') return 'invalid syntax';
    } else if (!digit.test(c)) return 'invalid syntax';
  }
  const digits = body.replaceAll('_', '');
  const mag = BigInt(base === 10 ? digits : `0${'xbo'[[16, 2, 8].indexOf(base)]}${digits}`);
  const limit = 1n << BigInt(bits - 1);
  if (sign === '-' ? mag > limit : mag >= limit) return 'value out of range';
  return Number(sign === '-' ? -mag : mag);
}

/**
 * Parses argv as spf13/pflag v1.0.5 does (the parser of the Docker CLI and kubectl; docker/cli@v27.3.1:
 * vendor/github.com/spf13/pflag/flag.go parseArgs, parseLongArg, parseShortArg, parseSingleShortArg), with its
 * errors' words: `bad flag syntax: ---x`, `unknown flag: --x`, `unknown shorthand flag: 'z' in -z`,
 * `flag needs an argument: --name`, `flag needs an argument: 'n' in -n`, and a bool's
 * `invalid argument "x" for "-t, --tty" flag: strconv.ParseBool: parsing "x": invalid syntax`.
 * A flag that takes a value takes the rest of its word (`-p8080:80`, `-m512m`) or the next word, whatever it is
 * (`--name -x`); a bool takes a value only after `=` (`--rm true` leaves `true` an argument). With `interspersed:
 * false`, parsing stops at the first word that is not a flag (the image of `docker run`); `--` ends the flags.
 * No library parses as pflag does: yargs-parser, used here before, read `-p8080:80` as the letters p, 8, 0 … and
 * took `true` after a bool as its value.
 */
export function parseFlags(args: string[], defs: FlagDef[], interspersed = false): Parsed {
  const { longs, shorts } = tables(defs);
  const flags: Record<string, string | boolean | string[] | number | undefined> = {};
  const rest: string[] = [];
  const set = (def: FlagDef, value: string | true): string | undefined => {
    if (def.type === 'bool') {
      const b = value === true ? true : GO_BOOL[value];
      if (b === undefined) {
        const name = def.short ? `-${def.short}, --${def.long}` : `--${def.long}`;
        return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(name)} flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
      }
      flags[def.long] = b;
    } else if (def.type === 'int' || def.type === 'int32' || def.type === 'int64') {
      const n = goParseInt(value === true ? 'true' : value, BITS[def.type]);
      if (typeof n !== 'number') {
        const name = def.short ? `-${def.short}, --${def.long}` : `--${def.long}`;
        return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(name)} flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: ${n}`;
      }
      flags[def.long] = n;
    } else if (def.type === 'list') flags[def.long] = [...((flags[def.long] as string[] | undefined) ?? []), value as string];
    else flags[def.long] = value as string;
    return undefined;
  };
  let i = 0;
  while (i < args.length) {
    const s = args[i++] as string;
    if (s.length < 2 || s[0] !== '-') {
      if (!interspersed) return { ok: true, flags, rest: [...rest, s, ...args.slice(i)] };
      rest.push(s);
      continue;
    }
    if (s === '--') return { ok: true, flags, rest: [...rest, ...args.slice(i)] };
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') return { ok: false, error: `bad flag syntax: ${s}` };
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const def = longs.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let value: string | true;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (def.noOpt !== undefined) value = def.noOpt;
      else if (def.type === 'bool')
        value = true; // NoOptDefVal "true"
      else if (i < args.length) value = args[i++] as string;
      else return { ok: false, error: `flag needs an argument: ${s}` };
      const bad = set(def, value);
      if (bad) return { ok: false, error: bad };
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0] as string;
      const def = shorts.get(c);
      if (!def) return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` };
      let value: string | true;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') [value, next] = [shorthands.slice(2), ''];
      else if (def.noOpt !== undefined) value = def.noOpt;
      else if (def.type === 'bool') value = true;
      else if (shorthands.length > 1) [value, next] = [shorthands.slice(1), ''];
      else if (i < args.length) value = args[i++] as string;
      else return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` };
      const bad = set(def, value);
      if (bad) return { ok: false, error: bad };
      shorthands = next;
    }
  }
  return { ok: true, flags, rest };
}
