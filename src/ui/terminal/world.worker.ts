/**
 * The terminal's simulated host in a Web Worker (issue #14): the entry. world-host.ts starts the server.
 *
 * The first command's code is in a few chunks (the host's, the shell's, just-bash's: vite-worker-chunks.mjs), found
 * one import level at a time if each waited for the one that imports it. Here every one of them is asked for at once,
 * before the host's code: `__CC_WORKER_CHUNKS__` is their list, written into this chunk at build time (empty under the
 * dev server). Each `import()` also evaluates its module, as the first line would; a failed one is left to the import
 * that needs it, which fails the same way. This entry imports nothing else, so that it runs as soon as it is fetched.
 *
 * The page's requests that come before the host's code has loaded wait here, in order, behind the boot that the
 * worker's name carries (load.ts).
 */
import type { WorldRequest, WorldResponse } from './world-protocol.ts';

declare const __CC_WORKER_CHUNKS__: readonly string[] | undefined;

const chunks = typeof __CC_WORKER_CHUNKS__ === 'undefined' ? [] : __CC_WORKER_CHUNKS__;
for (const url of chunks) import(/* @vite-ignore */ url).catch(() => undefined);

const waiting: WorldRequest[] = [];
let handle: (msg: WorldRequest) => void = (msg) => {
  waiting.push(msg);
};
self.addEventListener('message', (e: MessageEvent<WorldRequest>) => handle(e.data));

import('./world-host.ts').then(
  ({ serve }) => {
    const serverHandle = serve((message: WorldResponse) => self.postMessage(message), self.name);
    for (const msg of waiting.splice(0)) serverHandle(msg);
    handle = serverHandle;
  },
  // The page learns of it as of a script that failed to load (world-client.ts: the worker's error event).
  (err: unknown) =>
    setTimeout(() => {
      throw err;
    }),
);
