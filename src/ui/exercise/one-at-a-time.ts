/**
 * Runs an async job one at a time. Calls made while it runs become a single run after it,
 * with their flags OR'ed together, and every one of those calls gets that run's result:
 * a job that reads the latest state (a shell session's lines) then answers all of them.
 */
export function oneAtATime<F extends Record<string, boolean>, R>(job: (flags: F) => Promise<R>): (flags: F) => Promise<R> {
  let next: { flags: F; waiting: { resolve: (r: R) => void; reject: (e: unknown) => void }[] } | null = null;
  let running = false;

  const drain = async () => {
    running = true;
    while (next) {
      const { flags, waiting } = next;
      next = null;
      try {
        const r = await job(flags);
        for (const w of waiting) w.resolve(r);
      } catch (e) {
        for (const w of waiting) w.reject(e);
      }
    }
    running = false;
  };

  return (flags) =>
    new Promise<R>((resolve, reject) => {
      if (next) {
        const merged = { ...next.flags };
        for (const k of Object.keys(flags) as (keyof F)[]) merged[k] = (merged[k] || flags[k]) as F[keyof F];
        next.flags = merged;
        next.waiting.push({ resolve, reject });
      } else next = { flags, waiting: [{ resolve, reject }] };
      if (!running) void drain();
    });
}
