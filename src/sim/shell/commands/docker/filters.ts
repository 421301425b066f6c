/**
 * `--filter` as the Docker CLI collects it and the daemon reads it: docker/cli@v27.3.1:opts/opts.go
 * FilterOpt.Set (name=value, the name lower-cased and both trimmed) into a moby
 * api/types/filters.Args (a set of values per name), with the matchers the daemon's prune and
 * list code uses (moby@v27.3.1:api/types/filters/parse.go, daemon/prune.go).
 */
import { getTimestamp } from '../../kit/timestamp.ts';

export class FilterArgs {
  readonly fields = new Map<string, Set<string>>();

  add(name: string, value: string): void {
    let s = this.fields.get(name);
    if (!s) this.fields.set(name, (s = new Set()));
    s.add(value);
  }

  contains(name: string): boolean {
    return this.fields.has(name);
  }

  get(name: string): string[] {
    return [...(this.fields.get(name) ?? [])];
  }

  get size(): number {
    return this.fields.size;
  }

  /** filters.Args.Validate: the daemon's `invalid filter 'NAME'` for a name it does not accept. */
  validate(accepted: readonly string[]): string | undefined {
    for (const name of this.fields.keys()) if (!accepted.includes(name)) return `invalid filter '${name}'`;
    return undefined;
  }

  /** filters.Args.Match: true when `name` is absent, `source` is a value, or a value as an unanchored regular expression matches it. */
  match(name: string, source: string): boolean {
    const values = this.fields.get(name);
    if (!values || values.size === 0 || values.has(source)) return true;
    for (const v of values) {
      try {
        if (new RegExp(v).test(source)) return true;
      } catch {
        // regexp.MatchString's error: this value matches nothing.
      }
    }
    return false;
  }

  /** filters.Args.ExactMatch: true when `name` is absent or `source` is one of its values. */
  exactMatch(name: string, source: string): boolean {
    const values = this.fields.get(name);
    return !values || values.size === 0 || values.has(source);
  }

  /** filters.Args.MatchKVList: every `key` or `key=value` at `name` is among `labels` (true when there are none). */
  matchKVList(name: string, labels: Record<string, string> | null | undefined): boolean {
    const values = this.fields.get(name);
    if (!values || values.size === 0) return true;
    const src = labels ?? {};
    if (Object.keys(src).length === 0) return false;
    for (const v of values) {
      const eq = v.indexOf('=');
      const k = eq < 0 ? v : v.slice(0, eq);
      if (!Object.hasOwn(src, k)) return false;
      if (eq >= 0 && src[k] !== v.slice(eq + 1)) return false;
    }
    return true;
  }

  /** moby@v27.3.1:daemon/prune.go matchLabels: `label` must all match; `label!` must not all match. */
  matchLabels(labels: Record<string, string> | null | undefined): boolean {
    if (!this.matchKVList('label', labels)) return false;
    if (this.contains('label!') && this.matchKVList('label!', labels)) return false;
    return true;
  }

  /**
   * moby@v27.3.1:daemon/prune.go getUntilFromPruneFilters: the `until` bound in ms (undefined:
   * none), or the daemon's error text.
   */
  until(nowMs: number): { ms?: number; error?: string } {
    const vals = this.get('until');
    if (vals.length === 0) return {};
    if (vals.length > 1) return { error: 'more than one until filter specified' };
    const r = getTimestamp(vals[0] as string, nowMs);
    return 'error' in r ? { error: r.error } : { ms: r.ms };
  }

  /** filters.Args.GetBoolOrDefault; an error is the daemon's `invalid filter 'NAME=[…]'`. */
  bool(name: string, dflt: boolean): { value: boolean; error?: string } {
    const s = this.fields.get(name);
    if (!s) return { value: dflt };
    const f = s.has('0') || s.has('false');
    const t = s.has('1') || s.has('true');
    if (f === t) return { value: dflt, error: `invalid filter '${name}=[${[...s].join(' ')}]'` };
    return { value: t };
  }
}

/**
 * Collects `--filter` values as the CLI does; `error` is pflag's text for a value without `=`
 * (docker/cli@v27.3.1:opts/opts.go: "bad format of filter (expected name=value)").
 */
export function parseFilters(values: string[] | undefined, flag = '--filter'): { filters: FilterArgs; error?: string } {
  const filters = new FilterArgs();
  for (const value of values ?? []) {
    if (value === '') continue;
    const eq = value.indexOf('=');
    if (eq < 0) return { filters, error: `invalid argument "${value}" for "${flag}" flag: bad format of filter (expected name=value)` };
    filters.add(value.slice(0, eq).trim().toLowerCase(), value.slice(eq + 1).trim());
  }
  return { filters };
}

/** docker/cli@v27.3.1:opts/parse.go ConvertKVStringsToMap: `--label k=v` (a bare `k` is an empty value). */
export function labelMap(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const l of values ?? []) {
    const eq = l.indexOf('=');
    out[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  return { ...out };
}
