/**
 * Ends the current task: the rest runs in a new one (issue #14). Starting the terminal is a chain of
 * promise continuations (the chunks' evaluation, xterm's open with its character measurements, the fit,
 * the saved screen's replay); chained as microtasks they are one task, 120 ms of CPU on this machine and
 * Lighthouse's largest long task on a returning learner's load. Yielding between the steps lets the
 * page paint and answer input in between. `scheduler.yield()` (Chromium 129) resumes ahead of other
 * queued tasks; elsewhere a zero timeout does.
 */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
