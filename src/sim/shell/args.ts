import parser from 'yargs-parser/browser';

/** One flag, declared as data. `long` is the flag name; `short` its one-letter form. */
export interface FlagDef {
  long: string;
  short?: string;
  type: 'bool' | 'string' | 'list';
}

export type Parsed = { ok: true; flags: Record<string, string | boolean | string[] | undefined>; rest: string[] } | { ok: false; error: string };

interface Tables {
  longs: Map<string, FlagDef>;
  shorts: Map<string, FlagDef>;
  boolean: string[];
  string: string[];
  array: string[];
  alias: Record<string, string[]>;
}

/** The lookups of a definition list, made once per list (yargs-parser copies what it is given and changes none of it). */
const tableMemo = new WeakMap<FlagDef[], Tables>();
function tables(defs: FlagDef[]): Tables {
  let t = tableMemo.get(defs);
  if (!t) {
    t = {
      longs: new Map(defs.map((d) => [d.long, d])),
      shorts: new Map(defs.filter((d) => d.short).map((d) => [d.short as string, d])),
      boolean: defs.filter((d) => d.type === 'bool').map((d) => d.long),
      string: defs.filter((d) => d.type === 'string').map((d) => d.long),
      array: defs.filter((d) => d.type === 'list').map((d) => d.long),
      alias: Object.fromEntries(defs.filter((d) => d.short).map((d) => [d.long, [d.short as string]])),
    };
    tableMemo.set(defs, t);
  }
  return t;
}

/**
 * Parses argv with yargs-parser and reports problems in pflag's wording (the Docker CLI's
 * parser): `unknown flag: --x`, `unknown shorthand flag: 'z' in -z`, `flag needs an argument: --name`.
 * With `interspersed: false`, parsing stops at the first non-flag (the image of `docker run`).
 */
export function parseFlags(args: string[], defs: FlagDef[], interspersed = false): Parsed {
  const { longs, shorts, boolean, string, array, alias } = tables(defs);
  // pflag checks names before values: find the first unknown flag or a missing value ourselves.
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] as string;
      const def = longs.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      if (def.type !== 'bool' && !a.includes('=')) {
        if (i + 1 >= args.length) return { ok: false, error: `flag needs an argument: --${name}` };
        i++;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] as string;
        const def = shorts.get(ch);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${a}` };
        // pflag parseSingleShortArg: `-H=false` gives the value after '=' (any type).
        if (a[j + 1] === '=') break;
        if (def.type !== 'bool') {
          if (j + 1 < a.length) break;
          if (i + 1 >= args.length) return { ok: false, error: `flag needs an argument: '${ch}' in ${a}` };
          i++;
        }
      }
      continue;
    }
    if (!interspersed) break;
  }
  const out = parser(args, {
    boolean,
    string,
    array,
    alias,
    configuration: {
      'short-option-groups': true,
      'camel-case-expansion': false,
      'dot-notation': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'boolean-negation': false,
      'duplicate-arguments-array': true,
      'flatten-duplicate-arrays': true,
      'greedy-arrays': false,
      'halt-at-non-option': !interspersed,
      'strip-aliased': true,
      'populate--': false,
    },
  });
  const flags: Record<string, string | boolean | string[] | undefined> = {};
  for (const d of defs) {
    const v = out[d.long];
    if (v === undefined) continue;
    if (d.type === 'list') flags[d.long] = (Array.isArray(v) ? v : [v]).map(String);
    else if (d.type === 'string') flags[d.long] = Array.isArray(v) ? String(v[v.length - 1]) : String(v);
    else flags[d.long] = Boolean(Array.isArray(v) ? v[v.length - 1] : v);
  }
  return { ok: true, flags, rest: out._.map(String) };
}
