/** Entry of the built bundle (scripts/build-cli.ts): bin/container-course.mjs imports it. */
import { main } from './main.ts';

declare const __CC_VERSION__: string | undefined;

// Built: the grading pool starts its workers from grade-worker.mjs beside the bundle.
if (typeof __CC_VERSION__ !== 'undefined') globalThis.__CC_BUNDLE_DIR__ = new URL('.', import.meta.url).href;
process.exitCode = await main(process.argv.slice(2));
