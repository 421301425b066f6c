/**
 * The two `sh -c` shapes that keep a container up (script-plan.ts), for the kubelet's containers as docker/loops.ts
 * runs them for Docker's: the prelude once at the start (a failed `&&` ends PID 1 with its status), then a `while
 * true` loop's body once and every N seconds of simulated time after, each pass a child shell of PID 1 whose output
 * goes to the container's log with its time. The limits are loops.ts's: variables do not carry from one pass to the
 * next; past 600 passes due at once (a long fast-forward), only the last 600 run.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { CriContainer } from './cri.ts';
import type { ScriptPlan } from './script-plan.ts';

interface Due {
  init: Proc;
  body: string;
  everyMs: number;
  next: number;
  opts: { tty: boolean; workdir: string };
}

export class CriScriptLoops {
  private readonly due = new Map<string, Due>();

  constructor(
    private readonly host: Host,
    private readonly container: (id: string) => CriContainer | undefined,
  ) {
    host.onStep.push(() => this.flush());
  }

  async started(c: CriContainer, init: Proc, plan: ScriptPlan, opts: { tty: boolean; workdir: string }): Promise<void> {
    this.due.delete(c.id);
    if (plan.prelude) {
      const code = await this.pass(c, init, plan.prelude.script, opts);
      if (plan.prelude.and && code !== 0 && init.state !== 'Z') this.host.kernel.exit(init, code);
    }
    if (plan.loop && init.state !== 'Z') {
      const now = this.host.clock.nowMs;
      if (!plan.loop.sleepFirst) await this.pass(c, init, plan.loop.body, opts);
      this.due.set(c.id, { init, body: plan.loop.body, everyMs: plan.loop.everyMs, next: now + plan.loop.everyMs, opts });
    }
  }

  /** Runs the passes that have come due. */
  async flush(): Promise<void> {
    const now = this.host.clock.nowMs;
    for (const [id, d] of [...this.due]) {
      const c = this.container(id);
      if (c?.state !== 'CONTAINER_RUNNING' || c.pid !== d.init.pid) {
        this.due.delete(id);
        continue;
      }
      const missed = Math.floor((now - d.next) / d.everyMs) + 1;
      if (missed > 600) d.next += (missed - 600) * d.everyMs;
      while (d.next <= now && c.state === 'CONTAINER_RUNNING') {
        await this.pass(c, d.init, d.body, d.opts);
        d.next += d.everyMs;
      }
    }
  }

  private async pass(c: CriContainer, init: Proc, script: string, opts: { tty: boolean; workdir: string }): Promise<number> {
    const k = this.host.kernel;
    const argv = [init.argv[0]?.split(' ')[0] ?? 'sh', '-c', script];
    const child = k.spawn({ parent: init, argv, patch: { reaps: false, handlers: new Set() } });
    const r = await this.host.runc.runner(c.id, child, argv, { ...opts, env: {} });
    if (k.procs.has(child.pid) && child.state !== 'Z') k.exit(child, r.exitCode);
    // The shell waits for its pass (waitpid): no zombie is left behind.
    if (k.procs.get(child.pid)?.state === 'Z') k.release(child);
    const timeMs = this.host.clock.nowMs;
    for (const l of r.output ?? [{ stream: 'stdout' as const, text: r.stdout }]) if (l.text) c.logs.push({ ...l, timeMs });
    if (!r.output && r.stderr) c.logs.push({ stream: 'stderr', text: r.stderr, timeMs });
    return r.exitCode;
  }
}
