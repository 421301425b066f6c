import { LIMITS } from '../limits.ts';
import type { SimCommand } from '../types.ts';

/** What a pipe holds before the writer blocks (Linux's default pipe buffer, 64 KiB). */
const PIPE_BUFFER = 65536;

/**
 * yes (coreutils 9.4): prints its arguments (or `y`) forever. Into a pipe it writes one pipe
 * buffer's worth, which is all a reader like `head` takes before the pipe closes (SIGPIPE);
 * at the terminal it streams until Ctrl-C (or the line's output limit).
 */
const p0 = (env: Parameters<SimCommand['run']>[1]) => env.self;

export const yes: SimCommand = {
  name: 'yes',
  async run(args, env) {
    const line = `${args.length ? args.join(' ') : 'y'}\n`;
    if (env.tty && !env.stream) {
      // At a terminal nobody watches (a replay, `shell -c`): more than the line's output limit,
      // which the line then stops at (shell/runtime.ts), as it stops the streaming yes.
      return { stdout: line.repeat(Math.ceil((LIMITS.outputBytes + 1) / line.length)), stderr: '', exitCode: 130 };
    }
    if (!env.tty && !env.pipeline.length) {
      // Into a file or /dev/null nothing ever closes the output: yes runs until Ctrl-C, which in
      // virtual mode is the time bound's stop (host.ts waitUntil), noted like sleep infinity.
      p0(env).program = { kind: 'cpuhog' };
      await env.host.waitUntil(() => false, undefined, env.signal);
      p0(env).program = { kind: 'idle' };
      return { stdout: line.repeat(Math.ceil(PIPE_BUFFER / line.length)), stderr: '', exitCode: 130 };
    }
    if (!env.tty || !env.stream) {
      const block = line.repeat(Math.ceil(PIPE_BUFFER / line.length));
      // The reader closed the pipe after one buffer: yes dies of SIGPIPE (128 + 13).
      return { stdout: block, stderr: '', exitCode: env.pipeline.length ? 141 : 0 };
    }
    const chunk = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
    const stream = env.stream;
    // Streams a chunk per step; the budget's yields let Ctrl-C through within a few ms.
    const p = env.self;
    p.program = { kind: 'cpuhog' };
    for (;;) {
      if (env.signal?.aborted) break;
      stream({ stream: 'stdout', text: chunk });
      if (env.signal?.aborted) break;
      await env.tick();
    }
    p.program = { kind: 'idle' };
    return { stdout: '', stderr: '', exitCode: 130 };
  },
};
