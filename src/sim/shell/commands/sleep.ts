import type { ExecResult } from '../../api.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

/** The longest foreground sleep that takes real time in the browser terminal. */
export const REALTIME_SLEEP_MS = 10_000;

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** The seconds `sleep ARGS` waits (units s/m/h/d, several arguments add up), Infinity, or undefined when invalid. */
export function sleepSeconds(args: string[]): number | undefined {
  if (!args.length) return undefined;
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT[m[2] ?? ''] as number);
  }
  return total;
}

/** sleep: waits on the simulated clock; Ctrl-C ends it with 130. `infinity` waits until interrupted. */
export const sleep: SimCommand = {
  name: 'sleep',
  async run(args, env): Promise<ExecResult> {
    const bb = env.flavor === 'busybox';
    if (!args.length)
      return {
        stdout: '',
        stderr: bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n'
          : "sleep: missing operand\nTry 'sleep --help' for more information.\n",
        exitCode: 1,
      };
    let ms = 0;
    for (const a of args) {
      if (a === 'infinity' || a === 'inf') {
        ms = Infinity;
        continue;
      }
      const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
      if (!m)
        return {
          stdout: '',
          stderr: bb ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval ${q(env, a)}\nTry 'sleep --help' for more information.\n`,
          exitCode: 1,
        };
      ms += Number(m[1]) * (UNIT[m[2] ?? ''] as number) * 1000;
    }
    // A sleep of up to REALTIME_SLEEP_MS is felt at the terminal (realtime mode); a longer one
    // (`sleep 1d`) lets the simulated clock jump ahead at once: containers age, hogs run, timers
    // fire, and the prompt is back without waiting. `sleep infinity` waits for Ctrl-C.
    const fast = Number.isFinite(ms) && (env.host.clock.mode === 'virtual' || ms > REALTIME_SLEEP_MS);
    const outcome = fast
      ? await env.host.fastForward(Math.round(ms), env.signal, env.tick)
      : await env.host.waitUntil(() => false, Number.isFinite(ms) ? Math.round(ms) : undefined, env.signal);
    return { stdout: '', stderr: '', exitCode: outcome === 'aborted' ? 130 : 0 };
  },
};
