/** What the daemon keeps doing for a running container after its start: health checks and shell loops. */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { execDied } from './events.ts';
import { HealthMonitor } from './health.ts';
import { dockerScripts } from './loops.ts';
import type { ScriptTimers } from '../runtime/script-timers.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { ProgramSpec } from '../runtime/programs.ts';

export class ContainerMonitors {
  readonly health: HealthMonitor;
  readonly loops: ScriptTimers;

  constructor(daemon: Daemon, host: Host) {
    this.health = new HealthMonitor(daemon, host);
    this.loops = dockerScripts(daemon, host);
    // An exec's process ends: the daemon's exec_die (events.ts).
    host.kernel.onExit.push((p) => execDied((c, a, extra) => daemon.emitFor(c, a, extra), daemon.containers, p));
  }

  /**
   * Right after the start: the health monitor (health.ts), the script's prelude and loop (loops.ts). A container given
   * stdin (`run -i`, OpenStdin) has containerd-shim's pipe on its first process's fd 0 (fs/procfd.ts).
   */
  async started(c: Container, init: Proc, spec: ProgramSpec): Promise<void> {
    if (c.config.OpenStdin) init.stdinPipe = true;
    this.health.started(c);
    if (spec.script) await this.loops.started(c.id, init, spec.script);
  }

  /** The probes and loop passes that have come due (before and after each line, at each step of a wait, by ps/inspect). */
  async flush(): Promise<void> {
    await this.loops.flush();
    await this.health.flush();
  }
}
