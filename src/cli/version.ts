/** The CLI's own version: set by the bundle build, else read from package.json. */
import { packageVersion } from './checker-io.ts';

declare const __CC_VERSION__: string | undefined;

export async function cliVersion(): Promise<string> {
  return typeof __CC_VERSION__ !== 'undefined' ? __CC_VERSION__ : packageVersion();
}
