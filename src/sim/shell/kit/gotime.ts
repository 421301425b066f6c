/** Go's time.Time.String() in UTC (node1's zone): "2006-01-02 15:04:05 +0000 UTC". */
export function goTimeString(ms: number, withNanos = false): string {
  const iso = new Date(ms).toISOString();
  const frac = withNanos && ms % 1000 ? `.${iso.slice(20, 23).replace(/0+$/, '')}` : '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac} +0000 UTC`;
}
