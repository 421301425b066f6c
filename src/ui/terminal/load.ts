/**
 * The terminal's code, fetched when the learner presses Start. Vite writes the list of chunks to
 * preload beside each dynamic import; with the import here, that list (about thirty chunk names)
 * sits in this small chunk instead of the lesson page's at-load script, whose budget is 10 KB gzip
 * (issue #14). The cost is one small request before the parallel fetch.
 *
 * The simulated host runs in a Web Worker (world.worker.ts), started here, before xterm's
 * chunks are fetched, so the two compile in parallel (the worker on its own thread).
 */
export const loadTerminal = () => {
  const worker = new Worker(new URL('./world.worker.ts', import.meta.url), { type: 'module', name: 'cc-world' });
  return Promise.all([import('./session.ts'), import('./controls.ts'), import('./notice.ts')]).then(
    (modules) => [...modules, worker] as const,
    (err: unknown) => {
      worker.terminate();
      throw err;
    },
  );
};
