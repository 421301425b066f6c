/**
 * moby@v27.3.1:api/types/time/timestamp.go GetTimestamp, as the CLI applies it to
 * `--since`/`--until` (events, logs): a Go duration before now, an RFC 3339 date or time
 * (UTC on node1), or Unix seconds with an optional fraction.
 */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds; undefined when it is not a duration. */
export function parseDuration(v: string): number | undefined {
  let s = v;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (s.length) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * (UNITS[m[2] as string] as number);
    s = s.slice(m[0].length);
  }
  return sign * total;
}

export function getTimestamp(value: string, nowMs: number): { ms: number } | { error: string } {
  const d = parseDuration(value);
  if (value !== '0' && d !== undefined) return { ms: Math.floor((nowMs - d) / 1000) * 1000 };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (m) {
    const [, y, mo, da, h = '00', mi = '00', se = '00', frac = '', zone = 'Z'] = m;
    const off = /^[+-]/.test(zone) ? `${zone}` : 'Z';
    const ms = Date.parse(`${y}-${mo}-${da}T${h}:${mi}:${se}${frac.slice(0, 4)}${off}`);
    if (!Number.isNaN(ms)) return { ms };
  }
  if (value.includes('-')) return { error: `parsing time ${JSON.stringify(value)} as "2006-01-02": cannot parse ${JSON.stringify(value)} as "2006"` };
  const u = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!u) return { error: `failed to parse value as time or duration: ${JSON.stringify(value)}` };
  return { ms: Number(u[1]) * 1000 + Math.floor(Number(`0.${u[2] ?? '0'}`) * 1000) };
}
