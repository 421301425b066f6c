/**
 * Docker's human-readable units (github.com/docker/go-units), as used by
 * `docker images` / `docker history` (HumanSizeWithPrecision(size, 3)) and the
 * CREATED column (HumanDuration + " ago").
 */

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * Go's `fmt.Sprintf("%.*g", precision, x)` for finite non-negative x:
 * shortest of %e/%f at `precision` significant digits, trailing zeros removed,
 * exponent with at least two digits (`1e+03`).
 */
export function goFormatG(x: number, precision: number): string {
  if (x === 0) return '0';
  const p = precision === 0 ? 1 : precision;
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(p)))));
  if (exp < -4 || exp >= p) {
    const [mant, e] = x.toExponential(p - 1).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${m}e${sign}${digits}`;
  }
  const s = x.toFixed(Math.max(0, p - 1 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** go-units HumanSizeWithPrecision: decimal units (1 kB = 1000 B). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let i = 0;
  let s = size;
  while (s >= 1000 && i < DECIMAL_ABBRS.length - 1) {
    s /= 1000;
    i++;
  }
  return `${goFormatG(s, precision)}${DECIMAL_ABBRS[i]}`;
}

/** The size Docker prints in `docker images`, `docker history`, prune totals: 3 significant digits. */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 3);
}

/** go-units HumanDuration (e.g. "About a minute", "2 days"). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** The CREATED column: "2 weeks ago". */
export function createdAgo(createdMs: number, nowMs: number): string {
  return `${humanDuration(Math.max(0, nowMs - createdMs))} ago`;
}
