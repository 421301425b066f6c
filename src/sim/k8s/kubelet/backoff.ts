/**
 * client-go@v0.30.0 util/flowcontrol/backoff.go, on the host clock: the kubelet's crash
 * back-off and image pull back-off (both 10 s initial, 300 s max:
 * kubernetes@v1.30.0 pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff).
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** The current back-off of `id` (0 when none). */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Next: the first time (or after 2×max without trouble) the initial period, else double, up to max. */
  next(id: string, eventMs: number): void {
    const e = this.entries.get(id);
    if (!e || eventMs - e.lastUpdateMs > 2 * this.maxMs) this.entries.set(id, { backoffMs: this.initialMs, lastUpdateMs: eventMs });
    else {
      e.lastUpdateMs = eventMs;
      e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    }
  }

  /** IsInBackOffSince: less than the back-off has passed since `eventMs`. */
  isInBackOffSince(id: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(id);
    if (!e || nowMs - e.lastUpdateMs > 2 * this.maxMs) return false;
    return nowMs - eventMs < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate: less than the back-off has passed since the last Next. */
  isInBackOffSinceUpdate(id: string, nowMs: number): boolean {
    const e = this.entries.get(id);
    if (!e || nowMs - e.lastUpdateMs > 2 * this.maxMs) return false;
    return nowMs - e.lastUpdateMs < e.backoffMs;
  }
}

/** Go's time.Duration String for whole milliseconds: `830ms`, `1.393s`, `10s`, `1m20s`, `5m0s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) return `${h}h${m}m${sec}`;
  if (m) return `${m}m${sec}`;
  return sec;
}
