// @ts-check
/**
 * Build-time patches that make Node-only code in dependencies safe in the browser, for the
 * page bundles, the worker bundles (the checker's grader worker) and the dev server's
 * dependency pre-bundling alike. The CLI runs the packages unpatched under Node.
 *
 * dockerfile-ast 0.7 (lib/util.js, Util.isUTF8BOM) calls Node's `Buffer.from(char, "UTF-8")`
 * to look at the UTF-8 bytes of the first character; in a browser that throws
 * "Buffer is not defined" and every Dockerfile exercise failed to load. TextEncoder gives the
 * same bytes. If a new version of the package changes the line, the build stops and says so
 * rather than shipping the broken call.
 */

const TARGET = /[\\/]dockerfile-ast[\\/]lib[\\/]util\.js$/;
const NODE_CALL = 'Uint8Array.from(Buffer.from(char, "UTF-8"))';
const BROWSER_CALL = 'new TextEncoder().encode(char)';

/** @param {string} code @param {string} id */
export function patchDockerfileAst(code, id) {
  if (!TARGET.test(id.split('?')[0] ?? id)) return null;
  if (!code.includes(NODE_CALL)) {
    if (!/\bBuffer\b/.test(code)) return null;
    throw new Error(
      `${id}: dockerfile-ast's Buffer call changed; update src/ui/editor/vite-browser-safe.mjs so the browser bundle stays free of Node's Buffer`,
    );
  }
  return code.split(NODE_CALL).join(BROWSER_CALL);
}

/** @returns {import('vite').Plugin} */
export function browserSafeDeps() {
  return {
    name: 'container-course:browser-safe-deps',
    enforce: 'pre',
    transform(code, id) {
      const out = patchDockerfileAst(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
