/**
 * Commands that read an endless device (/dev/zero, /dev/urandom…) to its end. The device's read
 * returns one pipe buffer (fs/devfs.ts); what the command then does depends on where its output goes.
 */
import type * as JB from 'just-bash';
import type { Host } from '../host.ts';
import { LIMITS } from './limits.ts';
import { peersOf } from './line.ts';
import { endlessBytes } from '../fs/devfs.ts';
import { headBytesArg, headCount } from './readsize.ts';

/**
 * What `cat /dev/zero | head -c N` hands head: the writer keeps writing while head reads, so head gets
 * its N bytes (within a string of the line); one pipe buffer when head wants no more or counts lines.
 */
function forHead(host: Host, head: string[], argv: string[], buffer: string): string {
  const arg = headBytesArg(head.slice(1));
  const n = arg === undefined ? undefined : headCount(arg, 'coreutils');
  const dev = argv
    .slice(1)
    .map((a) => /^\/dev\/(zero|full|u?random)$/.exec(a)?.[1])
    .find(Boolean);
  if (typeof n !== 'number' || n <= buffer.length || n > LIMITS.stringBytes || !dev) return buffer;
  const bytes = endlessBytes(host, dev, n);
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Wrapped commands that read a file to its end before they finish (an endless device: never). */
export const WHOLE_READERS = new Set(['cat', 'wc', 'sort', 'uniq']);

/**
 * A command that reads all of an endless device (`cat /dev/zero`) never ends on its own. Piped
 * into `head`, it gets what the device read returned (a pipe buffer), of which head takes what
 * it needs before the pipe closes (SIGPIPE, 141). `cat` at the terminal prints until the line's
 * output limit stops it. Anywhere else (`> /dev/null`, `$(…)`, `| wc -c`, `wc -c` itself) it runs
 * until Ctrl-C, which in virtual mode is the time bound's stop, with its note (host.ts waitUntil).
 */
export async function endlessReader(
  host: Host,
  pipelines: string[][][],
  lineIsTty: boolean,
  signal: AbortSignal | undefined,
  r: JB.ExecResult,
  argv: string[],
): Promise<JB.ExecResult> {
  const next = peersOf(pipelines, argv);
  if (next[0]?.[0] === 'head') return { ...r, stdout: forHead(host, next[0], argv, r.stdout), exitCode: 141 };
  if (lineIsTty && argv[0] === 'cat' && r.stdout.length)
    return { stdout: r.stdout.repeat(Math.ceil((LIMITS.outputBytes + 1) / r.stdout.length)), stderr: r.stderr, exitCode: 130 };
  await host.waitUntil(() => false, undefined, signal);
  return { stdout: '', stderr: r.stderr, exitCode: 130 };
}
