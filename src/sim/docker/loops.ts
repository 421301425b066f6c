/**
 * `sh -c` scripts that keep a container up, which a one-shot run to completion cannot model: the docker reference's
 * `docker run -d alpine sh -c 'while true; do echo hello; sleep 1; done'` (a container that logs once a second until
 * stopped) and `sh -c 'echo ready; sleep 300'` (commands, then a long sleep). The shell is PID 1 with no trap, so it
 * ignores docker stop's SIGTERM (the kernel drops an unhandled signal to a namespace init) and dies of the SIGKILL
 * after the timeout, 137, as busybox ash and dash do.
 *
 * A loop's body runs once at the start and then every N seconds of simulated time, each time as a child shell of
 * PID 1, its output going to the container's log. Simulation limits, said here: shell variables do not carry from one
 * pass to the next (each pass is a fresh `sh -c BODY`); when more than 600 passes come due at once (a long
 * fast-forward), only the last 600 run.
 */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { ScriptPlan } from '../runtime/script-plan.ts';

export class ScriptLoops {
  private readonly due = new Map<string, { init: Proc; body: string; everyMs: number; next: number }>();

  constructor(
    private readonly daemon: Daemon,
    private readonly host: Host,
  ) {}

  /** At the start: the prelude runs (a failed && ends PID 1 with its status); a loop gets its first pass. */
  async started(c: Container, init: Proc, plan: ScriptPlan): Promise<void> {
    this.due.delete(c.id);
    if (plan.prelude) {
      const code = await this.pass(c, init, plan.prelude.script);
      if (plan.prelude.and && code !== 0 && init.state !== 'Z') this.host.kernel.exit(init, code);
    }
    if (plan.loop) {
      const now = this.host.clock.nowMs;
      if (!plan.loop.sleepFirst) await this.pass(c, init, plan.loop.body);
      this.due.set(c.id, { init, body: plan.loop.body, everyMs: plan.loop.everyMs, next: now + plan.loop.everyMs });
    }
  }

  /** Runs the passes that have come due. */
  async flush(): Promise<void> {
    const now = this.host.clock.nowMs;
    for (const [id, d] of [...this.due]) {
      const c = this.daemon.containers.get(id);
      if (c?.status !== 'running' || c.pid !== d.init.pid) {
        this.due.delete(id);
        continue;
      }
      if (c.paused) continue;
      const missed = Math.floor((now - d.next) / d.everyMs) + 1;
      if (missed > 600) d.next += (missed - 600) * d.everyMs;
      while (d.next <= now && c.status === 'running') {
        await this.pass(c, d.init, d.body);
        d.next += d.everyMs;
      }
    }
  }

  /** One `sh -c SCRIPT` as a child of PID 1, its output (in the order written) into the log; its exit status. */
  private async pass(c: Container, init: Proc, script: string): Promise<number> {
    const k = this.host.kernel;
    const argv = [init.argv[0]?.split(' ')[0] ?? 'sh', '-c', script];
    const child = k.spawn({ parent: init, argv, patch: { reaps: false, handlers: new Set() } });
    const r = await this.daemon.runner(c, child, argv);
    if (k.procs.has(child.pid) && child.state !== 'Z') k.exit(child, r.exitCode);
    // The shell waits for its pass (waitpid): no zombie is left behind.
    if (k.procs.get(child.pid)?.state === 'Z') k.release(child);
    for (const l of r.output ?? [{ stream: 'stdout' as const, text: r.stdout }]) if (l.text) c.logs.push(l);
    if (!r.output && r.stderr) c.logs.push({ stream: 'stderr', text: r.stderr });
    return r.exitCode;
  }
}
