import type { ClockMode } from '../api.ts';

/** Raised when a wait is interrupted by the AbortSignal (Ctrl-C). */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * The one shared clock of the host. Simulated time only moves through `advance`.
 * In realtime mode a wait also takes that much wall time, and can be interrupted.
 */
export class Clock {
  constructor(
    public nowMs: number,
    public mode: ClockMode,
  ) {}

  /** Resolves after `ms` of real time in realtime mode (immediately in virtual mode); rejects with Interrupted on abort. */
  sleepReal(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new Interrupted());
    if (this.mode === 'virtual' || ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Interrupted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
