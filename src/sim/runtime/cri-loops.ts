/**
 * The kubelet's side of script-timers.ts: the `sh -c` shapes that keep a container up (script-plan.ts) run for the
 * kubelet's containers as for Docker's, each pass through runc in the container with the container's tty and working
 * directory, its output into the container's log with the time it was written.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { CriContainer } from './cri.ts';
import type { ScriptPlan } from './script-plan.ts';
import { ScriptTimers } from './script-timers.ts';

type Opts = { tty: boolean; workdir: string };

export class CriScripts {
  private readonly opts = new Map<string, Opts>();
  private readonly timers: ScriptTimers;

  constructor(host: Host, container: (id: string) => CriContainer | undefined) {
    this.timers = new ScriptTimers(host, {
      state: (id, init) => {
        const c = container(id);
        if (c?.state === 'CONTAINER_RUNNING' && c.pid === init.pid) return 'running';
        this.opts.delete(id);
        return 'gone';
      },
      run: (id, child, argv) => host.runc.runner(id, child, argv, { ...(this.opts.get(id) ?? { tty: false, workdir: '/' }), env: {} }),
      log(id, lines) {
        const timeMs = host.clock.nowMs;
        container(id)?.logs.push(...lines.map((l) => ({ ...l, timeMs })));
      },
    });
    host.onStep.push(() => this.timers.flush());
  }

  started(c: CriContainer, init: Proc, plan: ScriptPlan, opts: Opts): Promise<void> {
    this.opts.set(c.id, opts);
    return this.timers.started(c.id, init, plan);
  }
}
