/**
 * What PID 1 does over simulated time when it is a shell running one of script-plan.ts's shapes, for Docker's
 * containers (docker/loops.ts) and the kubelet's (cri-loops.ts) alike: the commands before the first sleep run at the
 * start (a failed `&&` ends PID 1 with its status); a `while true` loop's body runs once and then every N seconds; the
 * commands after a sleep run when it ends, and their script is planned again (a second sleep, a loop), or ends PID 1
 * with its last status, as `sh -c 'echo a; sleep 30; echo b'` exits 0 thirty seconds after it printed `a`.
 *
 * A signal PID 1 traps (script-plan.ts traps, Proc.traps) is pending until the sleep it waits for returns: ash waits a
 * foreground command out (busybox@1_36_1:shell/ash.c waitforjob: dowait(DOWAIT_BLOCK)) and then runs the trap
 * (evaltree → dotrap). So `trap "echo caught; exit 0" TERM; while true; do sleep 1; done` ends within a second of
 * `docker stop`, with "caught" in its log and status 0, while `trap … TERM; sleep 300` still dies of the SIGKILL.
 *
 * Each pass is a child shell of PID 1 whose output, in the order written, goes to the container's log. Simulation
 * limits, said here: shell variables do not carry from one pass to the next (each pass is a fresh `sh -c`); when more
 * than 600 passes of a loop come due at once (a long fast-forward), only the last 600 run; a pass runs at the step of
 * the wait in which it came due (within 100 ms of simulated time in the first hour of a wait).
 */
import type { ExecResult } from '../api.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { sleepSeconds } from '../shell/commands/sleep.ts';
import { type ScriptPlan, scriptPlan } from './script-plan.ts';

/** The engine's side: whether the container still runs with this PID 1, how a pass runs, where its output goes. */
export interface ScriptSide {
  /** 'paused': passes wait (the cgroup is frozen); 'gone': the container stopped or restarted, its timers end. */
  state(id: string, init: Proc): 'running' | 'paused' | 'gone';
  run(id: string, child: Proc, argv: string[]): Promise<ExecResult>;
  log(id: string, lines: { stream: 'stdout' | 'stderr'; text: string }[]): void;
}

type Due = { init: Proc; next: number } & ({ loop: string; everyMs: number } | { then: string });

export class ScriptTimers {
  private readonly due = new Map<string, Due>();
  /** A pass can wait on the clock itself (a sleep inside a loop's body), whose steps flush again: not re-entered. */
  private flushing = false;

  constructor(
    private readonly host: Host,
    private readonly side: ScriptSide,
  ) {}

  /** At the start (and again when a sleep ends before more commands): the prelude, then the loop or the sleep. */
  async started(id: string, init: Proc, plan: ScriptPlan): Promise<void> {
    this.due.delete(id);
    const k = this.host.kernel;
    // With commands after the sleep, the timer (not the kernel) ends PID 1's wait and runs them.
    if (plan.sleep !== undefined && plan.then !== undefined) init.program = { kind: 'sleep', untilMs: Infinity };
    if (plan.prelude) {
      const code = await this.pass(id, init, plan.prelude.script);
      if (plan.prelude.and && code !== 0 && init.state !== 'Z') k.exit(init, code);
    }
    if (init.state === 'Z' || !k.procs.has(init.pid)) return;
    const now = this.host.clock.nowMs;
    if (plan.loop) {
      if (!plan.loop.sleepFirst && plan.loop.body) await this.pass(id, init, plan.loop.body);
      this.due.set(id, { init, loop: plan.loop.body, everyMs: plan.loop.everyMs, next: now + plan.loop.everyMs });
    } else if (plan.sleep !== undefined) {
      const secs = sleepSeconds([plan.sleep]) ?? 0;
      const until = now + Math.round(secs * 1000);
      if (plan.then === undefined) {
        // At the start, programs.ts already made PID 1 the sleep; after an earlier sleep, it sleeps again.
        if (init.program.kind !== 'sleep' || !Number.isFinite(init.program.untilMs)) init.program = { kind: 'sleep', untilMs: until };
      } else if (Number.isFinite(until)) this.due.set(id, { init, then: plan.then, next: until });
    }
  }

  /** Runs what has come due. */
  async flush(): Promise<void> {
    if (this.flushing || !this.due.size) return;
    this.flushing = true;
    try {
      await this.flushDue();
    } finally {
      this.flushing = false;
    }
  }

  private async flushDue(): Promise<void> {
    const now = this.host.clock.nowMs;
    for (const [id, d] of [...this.due]) {
      const state = this.side.state(id, d.init);
      if (state === 'gone' || d.init.state === 'Z') {
        this.due.delete(id);
        continue;
      }
      if (state === 'paused' || d.next > now) continue;
      // The foreground sleep returned: the traps of the signals that came meanwhile run first (ash's dotrap).
      if (d.init.pendingTraps?.length && (await this.traps(id, d.init))) {
        this.due.delete(id);
        continue;
      }
      if ('then' in d) {
        this.due.delete(id);
        await this.resume(id, d.init, d.then);
        continue;
      }
      const missed = Math.floor((now - d.next) / d.everyMs) + 1;
      if (missed > 600) d.next += (missed - 600) * d.everyMs;
      while (d.next <= now && this.side.state(id, d.init) === 'running') {
        if (d.init.pendingTraps?.length && (await this.traps(id, d.init))) break;
        if (d.loop) await this.pass(id, d.init, d.loop);
        d.next += d.everyMs;
      }
    }
  }

  /** A sleep ended: the rest of the script is planned again, or runs to its end and ends PID 1 with its status. */
  private async resume(id: string, init: Proc, rest: string): Promise<void> {
    const plan = scriptPlan(rest);
    if (plan) return this.started(id, init, plan);
    const code = await this.pass(id, init, rest);
    if (init.state !== 'Z' && this.host.kernel.procs.has(init.pid)) this.host.kernel.exit(init, code);
  }

  /**
   * PID 1's pending traps, each action as a pass; true when one ended PID 1: an action with an `exit` in it ends the
   * shell with the action's status (`trap "echo caught; exit 0" TERM`), any other lets the script go on.
   */
  private async traps(id: string, init: Proc): Promise<boolean> {
    while (init.pendingTraps?.length) {
      const [sig, ...rest] = init.pendingTraps as [number, ...number[]];
      init.pendingTraps = rest.length ? rest : undefined;
      const action = init.traps?.get(sig);
      if (!action) continue;
      const code = await this.pass(id, init, action);
      if (/(^|[\s;&|{(])exit(\s|;|$)/.test(action)) {
        if (init.state !== 'Z' && this.host.kernel.procs.has(init.pid)) this.host.kernel.exit(init, code);
        return true;
      }
    }
    return init.state === 'Z';
  }

  /** One `sh -c SCRIPT` as a child of PID 1; the shell waits for it (waitpid), so no zombie is left behind. */
  private async pass(id: string, init: Proc, script: string): Promise<number> {
    const k = this.host.kernel;
    const argv = [init.argv[0]?.split(' ')[0] ?? 'sh', '-c', script];
    const child = k.spawn({ parent: init, argv, patch: { reaps: false, handlers: new Set() } });
    const r = await this.side.run(id, child, argv);
    if (k.procs.has(child.pid) && child.state !== 'Z') k.exit(child, r.exitCode);
    if (k.procs.get(child.pid)?.state === 'Z') k.release(child);
    const lines = r.output ?? [
      { stream: 'stdout' as const, text: r.stdout },
      { stream: 'stderr' as const, text: r.stderr },
    ];
    this.side.log(
      id,
      lines.filter((l) => l.text),
    );
    return r.exitCode;
  }
}
