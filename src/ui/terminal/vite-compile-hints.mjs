// @ts-check
/**
 * V8's explicit compile hint on the terminal's session chunk (issue #14: Lighthouse's TBT on a returning learner's
 * load). V8 compiles a function lazily, on the main thread, the first time it is called: starting the terminal calls
 * hundreds of xterm.js's functions for the first time (its services, its open(), the DOM renderer), and their compiles
 * were about half of the start's tasks' time (scripts/trace-start.ts --v8: V8.CompileCode). The magic comment
 * `//# allFunctionsCalledOnLoad` at the top of a script or module (Chromium 136, V8 13.6; a WICG proposal,
 * github.com/WICG/explicit-javascript-compile-hints-file-based) has every function in the file compiled eagerly, on
 * the background thread that streams the module in while it downloads. Measured on lesson 1 (2 cores, load 20–25):
 * the start's tasks over 12.5 ms of CPU went from 28 36 / 27 37 ms to 21 19 14 / 14 19 ms, the session chunk's share
 * of the main thread's samples from 14–16 % to 5–8 %. Other engines ignore the comment.
 *
 * The comment is added after minification (generateBundle), which would strip it, to the chunk holding session.ts.
 */

const HINT = '//# allFunctionsCalledOnLoad\n';
const SESSION = /[\\/]src[\\/]ui[\\/]terminal[\\/]session\.ts$/;

/** @returns {import('vite').Plugin} */
export function sessionCompileHint() {
  return {
    name: 'container-course:session-compile-hint',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => SESSION.test(id)) && !chunk.code.startsWith(HINT)) chunk.code = HINT + chunk.code;
      }
    },
  };
}
