/**
 * `sh -c` scripts that keep a container up, which a one-shot run to completion cannot model: the docker reference's
 * `docker run -d alpine sh -c 'while true; do echo hello; sleep 1; done'` (a container that logs once a second until
 * stopped), `sh -c 'echo ready; sleep 300'` (commands, then a long sleep) and `sh -c 'echo a; sleep 30; echo b'` (the
 * rest after the sleep, then the exit). runtime/script-timers.ts runs them over simulated time; this is Docker's side:
 * a paused container's passes wait, and a pass's output goes to the container's log. The shell is PID 1: with no trap
 * it ignores docker stop's SIGTERM (the kernel drops an unhandled signal to a namespace init) and dies of the SIGKILL
 * after the timeout, 137, as busybox ash and dash do; with a trap the action runs (script-timers.ts).
 */
import type { Daemon } from './daemon.ts';
import type { Host } from '../host.ts';
import { ScriptTimers } from '../runtime/script-timers.ts';

export function dockerScripts(daemon: Daemon, host: Host): ScriptTimers {
  return new ScriptTimers(host, {
    state(id, init) {
      const c = daemon.containers.get(id);
      if (c?.status !== 'running' || c.pid !== init.pid) return 'gone';
      return c.paused ? 'paused' : 'running';
    },
    run: (id, child, argv) => daemon.runner(daemon.containers.get(id) as NonNullable<ReturnType<typeof daemon.containers.get>>, child, argv),
    log(id, lines) {
      daemon.containers.get(id)?.logs.push(...lines);
    },
  });
}
