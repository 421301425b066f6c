/**
 * How the project's code is bundled to run on Node: the built CLI (scripts/build-cli.ts) and the bench's copy of the
 * simulator (scripts/bench.ts), so that `npm run bench` times the code the CLI ships (minified ES modules, no
 * TypeScript loader: tsx's transform keeps every function's name with a helper call at each closure made, ~15 % of a
 * command's time) and the same just-bash build as the site.
 */
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

export const NODE_BUNDLE: BuildOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  outExtension: { '.js': '.mjs' },
  // Some dependencies still call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ccCreateRequire } from 'node:module'; const require = __ccCreateRequire(import.meta.url);" },
  // The simulator runs just-bash's browser build on the site; the CLI uses the same one
  // (the Node build pulls in sql.js, QuickJS and native compressors the simulator never uses).
  // yaml's ESM build (the one the site runs) in place of its CommonJS build for Node: esbuild
  // hoists ES modules into the chunk, where the CommonJS build runs its module wrappers at start.
  // The checker parses with logLevel 'error', so the one difference (warnings through
  // console.warn, not process.emitWarning) does not reach its output.
  alias: { 'just-bash': 'just-bash/browser', yaml: join(root, 'node_modules/yaml/browser/index.js') },
  external: ['@mongodb-js/zstd', 'node-liblzma'],
  logLevel: 'warning',
};
