// @ts-check
/**
 * zod with its English messages only (issue #14: the editor's bytes). zod 4's `z` namespace
 * re-exports every locale (`export * as locales from "../locales/index.js"`, in
 * v4/classic/external.js and v4/core/index.js), and a bundler keeps all of them because `z` is
 * used as an object: about 160 KB raw, 40 KB gzip, once in the exercise panel and once in the
 * grader worker. The course parses with zod's default English messages and never calls
 * `z.config(z.locales.xx())`, so zod's locale index is replaced by one that holds English.
 * Error messages are unchanged (zod registers English itself: v4/classic/schemas.js).
 * Used by the site's Vite build (astro.config.mjs, pages and workers) and by the CLI bundle
 * (scripts/build-cli.ts, through esbuild's plugin API).
 */
import { dirname, join } from 'node:path';

const ZOD = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)[\\/][^\\/]+\.js$/;
const PREFIX = '\0cc-zod-english:';

/**
 * The English locale file, for an import of `../locales/index.js` from inside zod; else null.
 * @param {string} source
 * @param {string | undefined} importer
 * @returns {string | null}
 */
function englishOnly(source, importer) {
  if (source !== '../locales/index.js' || !importer || !ZOD.test(importer.split('?')[0] ?? importer)) return null;
  return join(dirname(importer.split('?')[0] ?? importer), '..', 'locales', 'en.js');
}

/** @returns {import('vite').Plugin} */
export function zodEnglishOnly() {
  return {
    name: 'container-course:zod-english-only',
    enforce: 'pre',
    resolveId(source, importer) {
      const en = englishOnly(source, importer);
      return en ? PREFIX + en : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      return `export { default as en } from ${JSON.stringify(id.slice(PREFIX.length))};\n`;
    },
  };
}

/** The same for esbuild (the CLI bundle). @returns {import('esbuild').Plugin} */
export function zodEnglishOnlyEsbuild() {
  return {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        const en = englishOnly(args.path, args.importer);
        return en ? { path: en, namespace: 'cc-zod-english' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'cc-zod-english' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}
