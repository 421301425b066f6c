/**
 * Container health checks, as moby@v27.3.1:daemon/health.go runs them: a monitor per running container whose
 * config has a CMD or CMD-SHELL test (getProbe; NONE or no test: no monitor, no State.Health). The first probe comes
 * one interval after the start (defaultProbeInterval 30s; defaultStartInterval 5s while the start period lasts and
 * the container is still "starting"), then one interval after each probe. A probe execs the test in the container
 * (CMD-SHELL through getShell: Config.Shell or /bin/sh -c) as Config.User; exit 0 is healthy and clears the failing
 * streak, anything else adds to it, except while starting inside the start period; `retries` failures in a row
 * (defaultProbeRetries 3) make it unhealthy. The last 5 results are kept (maxLogEntries), each output cut to 4096
 * bytes (maxOutputLen). A status change logs the event "health_status: STATUS". State.String() shows the status in
 * `docker ps`: "Up 5 seconds (health: starting)", "(healthy)", "(unhealthy)" (container/state.go, health.go).
 *
 * Simulation limits, said here: probes due while a command runs are taken when the daemon is next asked (before and
 * after each line, and by docker ps/inspect); the test runs once per catch-up and its result stands for every probe
 * due in it (the container does not change in between); a probe takes no simulated time (End = Start), so the
 * timeout is never reached. A probe logs exec_create, exec_start and exec_die like any exec (events.ts).
 */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { Host } from '../host.ts';
import { imgHas, lookPathError } from './images.ts';
import { execStarted } from './events.ts';

export interface HealthResult {
  Start: string;
  End: string;
  ExitCode: number;
  Output: string;
}

export interface HealthState {
  Status: 'starting' | 'healthy' | 'unhealthy';
  FailingStreak: number;
  Log: HealthResult[];
}

type HealthConfig = NonNullable<Container['config']['Healthcheck']>;

const NS = 1e6; // ns per ms: the durations are time.Duration (nanoseconds)

/** A time as encoding/json writes a time.Time (RFC 3339 with the nanoseconds, trailing zeros cut; the daemon's zone is UTC). */
function goJsonTime(ms: number): string {
  const d = new Date(ms).toISOString();
  const frac = d.slice(20, 23).replace(/0+$/, '');
  return `${d.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/** The test to run, as getProbe reads Config.Healthcheck (undefined: no monitor). */
function probeArgv(c: Container): string[] | undefined {
  const t = c.config.Healthcheck?.Test;
  if (!t?.length) return undefined;
  if (t[0] === 'CMD') return t.slice(1);
  if (t[0] === 'CMD-SHELL') return [...(c.image.config.Shell?.length ? c.image.config.Shell : ['/bin/sh', '-c']), ...t.slice(1)];
  return undefined;
}

export class HealthMonitor {
  /** When each monitored container's next probe is due (ms), by container id. */
  private readonly due = new Map<string, number>();

  constructor(
    private readonly daemon: Daemon,
    private readonly host: Host,
  ) {}

  /** initHealthMonitor: on every start, State.Health is "starting" with no failing streak (the log is kept). */
  started(c: Container): void {
    this.due.delete(c.id);
    if (!probeArgv(c)) return;
    c.health = { Status: 'starting', FailingStreak: 0, Log: c.health?.Log ?? [] };
    this.due.set(c.id, c.startedMs + this.interval(c, c.config.Healthcheck as HealthConfig, c.startedMs));
  }

  /** monitor's getInterval: the start interval while inside the start period and still starting. */
  private interval(c: Container, h: HealthConfig, at: number): number {
    const every = (h.Interval || 30_000 * NS) / NS;
    if (at - c.startedMs >= (h.StartPeriod || 0) / NS) return every;
    return c.health?.Status === 'starting' ? (h.StartInterval || 5_000 * NS) / NS : every;
  }

  /** Runs the probes that have come due. */
  async flush(): Promise<void> {
    const now = this.host.clock.nowMs;
    for (const [id, at] of [...this.due]) {
      const c = this.daemon.containers.get(id);
      if (c?.status !== 'running' || !c.health) {
        this.due.delete(id);
        continue;
      }
      if (at > now || c.paused) continue;
      const r = await this.probe(c);
      const h = c.config.Healthcheck as HealthConfig;
      let next = at;
      // A long wait: only the last probes can still be in the log or decide the status.
      for (let n = 0; next <= now && n < 10_000; n++) {
        this.record(c, h, { Start: goJsonTime(next), End: goJsonTime(next), ...r }, next);
        next += this.interval(c, h, next);
      }
      this.due.set(id, next <= now ? now + this.interval(c, h, now) : next);
    }
  }

  /** cmdProbe.run: the exec's exit code and its stdout and stderr together; an exec that cannot start is -1. */
  private async probe(c: Container): Promise<{ ExitCode: number; Output: string }> {
    const argv = probeArgv(c) as string[];
    const d = this.daemon;
    if (!imgHas(c.image, argv[0] as string)) {
      // ContainerExecStart's error (exec.go) becomes the result: ExitCode -1, Output err.Error().
      const why = lookPathError(c.image, argv[0] as string);
      return { ExitCode: -1, Output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${why}: unknown` };
    }
    const proc = d.execProcess(c, argv, c.config.User || undefined, [], c.config.WorkingDir || undefined);
    execStarted((x, a, extra) => d.emitFor(x, a, extra), d.events, c, argv, proc);
    const r = await d.runner(c, proc, argv, false, c.config.WorkingDir || undefined);
    const k = this.host.kernel;
    if (k.procs.has(proc.pid)) k.exit(proc, r.exitCode);
    const out = r.output ? r.output.map((o) => o.text).join('') : r.stdout + r.stderr;
    return { ExitCode: r.exitCode, Output: out.slice(0, 4096) };
  }

  /** handleProbeResult. */
  private record(c: Container, h: HealthConfig, result: HealthResult, at: number): void {
    const s = c.health as HealthState;
    const old = s.Status;
    s.Log = [...s.Log, result].slice(-5);
    if (result.ExitCode === 0) {
      s.FailingStreak = 0;
      s.Status = 'healthy';
    } else if (!(s.Status === 'starting' && at - c.startedMs < (h.StartPeriod || 0) / NS)) {
      s.FailingStreak += 1;
      if (s.FailingStreak >= (h.Retries || 3)) s.Status = 'unhealthy';
    }
    if (s.Status !== old) this.daemon.emitFor(c, `health_status: ${s.Status}`);
  }
}

/** daemon/commit.go merge: the image's HEALTHCHECK, each field the run options leave unset taken from it. */
export function mergeHealthcheck(user: HealthConfig | undefined, image: HealthConfig | undefined): HealthConfig | undefined {
  if (!image) return user;
  if (!user) return image;
  return {
    Test: user.Test?.length ? user.Test : image.Test,
    Interval: user.Interval || image.Interval || 0,
    Timeout: user.Timeout || image.Timeout || 0,
    StartPeriod: user.StartPeriod || image.StartPeriod || 0,
    StartInterval: user.StartInterval || image.StartInterval || 0,
    Retries: user.Retries || image.Retries || 0,
  };
}
