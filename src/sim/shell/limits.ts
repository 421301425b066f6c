/**
 * The bounds of one shell line. A real shell would run `while true; do echo x; done` until
 * Ctrl-C; the simulator runs on the learner's page (or in a grader), so every line gets a
 * budget and is stopped, as Ctrl-C would stop it, when it runs out. The learner then sees
 * one dim course line naming the limit (ExecResult.notes). The working directory and the
 * variables are kept, as after Ctrl-C.
 *
 * Counting limits (commands, nesting, output bytes, processes, containers) are deterministic,
 * so a replay stops at the same place. The CPU budget (wall time spent computing, not the
 * simulated waits of sleep or docker stop) only catches lines whose commands are slow.
 */
import type { BashOptions } from 'just-bash';
import type { ExecResult } from '../api.ts';
import { VIRTUAL_BOUND_MS } from '../host.ts';

type ExecutionLimits = NonNullable<BashOptions['executionLimits']>;

export const LIMITS = {
  /** Commands (simple commands, assignments, builtins) one line may run. */
  commands: 3_000,
  /** Function nesting (bash's FUNCNEST). */
  callDepth: 100,
  /** Bytes one line may write to the terminal (stdout plus stderr). */
  outputBytes: 1 << 20,
  /** Processes one line may start (fork bombs). */
  processes: 2_000,
  /** Containers that may exist at once. */
  containers: 500,
  /**
   * Milliseconds of computing (not simulated waiting) one line may take. A backstop: loops
   * end on the command limit long before; this catches lines of heavy commands. Generous,
   * because a command's first use loads its code (on the page, over the network), and the
   * page stays responsive meanwhile (the line yields every YIELD_EVERY_MS).
   */
  cpuMs: 8_000,
  /**
   * The same backstop in virtual mode (tests, the CLI, graders): nothing waits for real there
   * and a busy machine must not cut a correct solution short; the command limit still ends loops.
   */
  virtualCpuMs: 30_000,
  /** A restored session replays every saved line; together they get this much computing… */
  replayCpuMs: 6_000,
  /** …and each line at least this much, so loading code never cuts a legitimate line short. */
  replayLineMinMs: 1_000,
  /** Bytes in one string (a variable, a command substitution). */
  stringBytes: 4 << 20,
  /**
   * Words one brace range may make. bash expands `{1..100000}` in full; just-bash stops every
   * range at 10,000 words (its hard cap, whatever maxBraceExpansionResults says) without a word,
   * so a larger range stops the line with the `work` note instead (shell/line.ts braceOverflow).
   */
  braceResults: 10_000,
} as const;

/** just-bash's own limits, from LIMITS. */
export const JB_LIMITS: ExecutionLimits = {
  maxCommandCount: LIMITS.commands,
  maxCallDepth: LIMITS.callDepth,
  // What one command may write into a pipe or a file: a string of the line. The terminal gets at most
  // LIMITS.outputBytes of it (runtime.ts write, fitOutput).
  maxOutputSize: LIMITS.stringBytes,
  maxStringLength: LIMITS.stringBytes,
  maxHeredocSize: LIMITS.stringBytes,
  maxSubstitutionDepth: 50,
  maxSourceDepth: 100,
  // Words from all the braces of one word (products such as {1..100}{1..100}); a range alone stops at LIMITS.braceResults.
  maxBraceExpansionResults: 100_000,
  // No per-command deadline: just-bash's (30 s of wall time, one timer per command) ended `ping -c 40`, `docker logs -f`
  // and `top` in the page's realtime mode with "-bash: ping exceeded its execution deadline", 124. The line's own CPU
  // budget (LineBudget, checked before each command and by its watchdog) stops a line that computes, never one that waits.
  maxExecutionTimeMs: Number.POSITIVE_INFINITY,
};

/**
 * What stopped a line. `time`: in virtual mode (a replay, the command line, a grader) nobody can
 * press Ctrl-C, so a command that never ends on its own is interrupted after VIRTUAL_BOUND_MS of
 * simulated time (host.ts waitUntil); the line then goes on, as after Ctrl-C.
 */
export type LimitKind = NonNullable<ExecResult['stopped']>['limit'];

/**
 * What just-bash says when one of its limits stops a line, mapped to our kinds. Its texts
 * (`…, increase executionLimits.maxCommandCount`) name its API, so the learner never sees them.
 */
export function limitOf(stderr: string): { kind: LimitKind; line: string; fn?: string } | undefined {
  const m = /^(?:bash|sh): (.*)$/m.exec(
    stderr
      .split('\n')
      .filter((l) => /executionLimits\.|limit exceeded|exceeded \(|too many commands executed|total output size exceeded/.test(l))
      .pop() ?? '',
  );
  if (!m) return undefined;
  const text = m[1] as string;
  const line = m[0];
  const rec = /^(.*?): maximum recursion depth \(\d+\) exceeded/.exec(text);
  if (rec) return { kind: 'depth', line, fn: rec[1] };
  if (/too many commands executed/.test(text)) return { kind: 'commands', line };
  // just-bash: "total output size exceeded" for the line, "CMD: output size limit exceeded (N bytes)" for one command.
  if (/output size (?:limit )?exceeded/.test(text)) return { kind: 'output', line };
  return { kind: 'work', line };
}

const seconds = (ms: number) => (ms / 1000).toLocaleString('en');

const EN: Record<LimitKind, (cpuMs: number) => string> = {
  commands: () =>
    `the simulator stopped this line after ${LIMITS.commands.toLocaleString('en')} commands, its limit for one line (a real shell would keep going until Ctrl-C).`,
  depth: () =>
    `the simulator stopped this line: functions nested ${LIMITS.callDepth} deep, its limit (bash's FUNCNEST); a real bash would recurse until it crashes.`,
  output: () => `the simulator stopped this line after 1 MiB of output, its limit for one line.`,
  processes: () => `the simulator stopped this line after it started ${LIMITS.processes.toLocaleString('en')} processes, its limit for one line.`,
  containers: () => `the simulator holds at most ${LIMITS.containers} containers; remove some with docker rm.`,
  cpu: (cpuMs) => `the simulator stopped this line after ${seconds(cpuMs)} s of computing, its limit for one line.`,
  work: () => `the simulator stopped this line: it asked for more work than one line may do.`,
  time: () =>
    `the simulator interrupted a command of this line after ${seconds(VIRTUAL_BOUND_MS)} s of simulated time, as Ctrl-C would: it never ends on its own, and no one is at the keyboard to stop it.`,
};

const ZH: Record<LimitKind, (cpuMs: number) => string> = {
  commands: () => `模拟器在本行执行了 ${LIMITS.commands} 条命令后将其停止，这是单行命令的上限（真实的 shell 会一直运行，直到按下 Ctrl-C）。`,
  depth: () => `模拟器停止了本行：函数嵌套达到 ${LIMITS.callDepth} 层上限（即 bash 的 FUNCNEST）；真实的 bash 会一直递归直到崩溃。`,
  output: () => `模拟器在本行输出 1 MiB 后将其停止，这是单行输出的上限。`,
  processes: () => `模拟器在本行启动 ${LIMITS.processes} 个进程后将其停止，这是单行的上限。`,
  containers: () => `模拟器最多容纳 ${LIMITS.containers} 个容器；请用 docker rm 删除一些。`,
  cpu: (cpuMs) => `模拟器在本行计算 ${seconds(cpuMs)} 秒后将其停止，这是单行的上限。`,
  work: () => `模拟器停止了本行：它要求的计算量超过了单行的上限。`,
  time: () => `模拟器在模拟时间 ${seconds(VIRTUAL_BOUND_MS)} 秒后中断了本行的一个命令，如同按下 Ctrl-C：这个命令不会自行结束，而此时没有人在键盘前停止它。`,
};

export type Locale = 'en' | 'zh-cn';

/** The dim course line for a limit, in the page's language; `cpuMs` is the line's computing budget. */
/** What of a line's stdout and stderr still fits the output limit after `used` bytes (stdout first), and whether it was cut. */
export function fitOutput(stdout: string, stderr: string, used: number): { stdout: string; stderr: string; cut: boolean } {
  if (stdout.length + stderr.length + used <= LIMITS.outputBytes) return { stdout, stderr, cut: false };
  const room = Math.max(0, LIMITS.outputBytes - used);
  const out = stdout.slice(0, room);
  return { stdout: out, stderr: stderr.slice(0, Math.max(0, room - out.length)), cut: true };
}

export function limitNote(kind: LimitKind, locale: Locale = 'en', cpuMs: number = LIMITS.cpuMs): string {
  return (locale === 'zh-cn' ? ZH : EN)[kind](cpuMs);
}

let channel: MessagePort | undefined;
const waiting: (() => void)[] = [];

/**
 * Gives the event loop a turn (keys, Ctrl-C, painting): a macrotask, not a microtask.
 * setImmediate where the platform has it (Node); else one MessageChannel for the page's
 * life (setTimeout(0) is clamped to 4 ms once nested).
 */
export function macrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => void immediate(resolve));
  const MC = (globalThis as { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (!MC) return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    const ch = new MC();
    const next = () => waiting.shift()?.();
    ch.port1.onmessage = next;
    channel = ch.port2;
  }
  const port = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(0);
  });
}

/** How often a running line lets the page breathe (ms of computing between yields). */
export const YIELD_EVERY_MS = 20;

/**
 * Thrown by a command's synchronous engine (the Go template executor) when its work or output
 * would pass a line's limit before it can return; the runtime stops the line with `kind`'s note
 * and shows `partial`, what the command wrote until then.
 */
export class LineLimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly partial = '',
  ) {
    super(`line limit: ${kind}`);
  }
}

/** Runs a command; a LineLimitError from it stops the line (`stop`) and keeps what it wrote. */
export async function withinLineLimits(run: () => Promise<ExecResult>, stop: (kind: LimitKind) => void): Promise<ExecResult> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof LineLimitError)) throw e;
    stop(e.kind);
    return { stdout: e.partial, stderr: '', exitCode: 130 };
  }
}

/**
 * The budget of the line being run: computing time (wall time less simulated waits) and
 * processes started. `check` is called synchronously by the interpreter at every command;
 * `tick` is awaited by commands and yields to the event loop every YIELD_EVERY_MS.
 */
/** Real ms spent loading command code (a chunk's fetch and compile, on first use): not the line's computing. */
let codeLoadMs = 0;

/** Loads code for a command, counting the time as loading, which no line's CPU budget is charged with. */
export async function timedLoad<T>(load: () => Promise<T>): Promise<T> {
  const t0 = now();
  try {
    return await load();
  } finally {
    codeLoadMs += now() - t0;
  }
}

export class LineBudget {
  private readonly start = now();
  private readonly loadAtStart = codeLoadMs;
  private lastYield = this.start;
  /** Real time spent in simulated waits (sleep, docker stop), which is not computing. */
  waitedMs = 0;
  processes = 0;
  exceeded: LimitKind | undefined;
  /** Aborted when a budget runs out (the interpreter then stops at its next statement). */
  readonly controller = new AbortController();

  private readonly waitedAtStart: number;

  constructor(
    readonly cpuMs: number = LIMITS.cpuMs,
    /** Real ms spent in simulated waits so far, host-wide (Host.realWaitMs). */
    private readonly waited: () => number = () => 0,
  ) {
    this.waitedAtStart = waited();
  }

  usedMs(): number {
    return now() - this.start - this.waitedMs - (this.waited() - this.waitedAtStart) - (codeLoadMs - this.loadAtStart);
  }

  stop(kind: LimitKind): void {
    if (this.exceeded) return;
    this.exceeded = kind;
    this.controller.abort();
    this.end();
  }

  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /**
   * Checks the budget from a timer too, for a command stuck in an await that is no simulated wait (no command boundary
   * comes to check it): when the budget may have run out, and again for what is left of it. One timer a line.
   */
  watch(): void {
    const left = Math.max(100, this.cpuMs - this.usedMs());
    this.watchdog = setTimeout(() => {
      this.check();
      if (!this.exceeded) this.watch();
    }, left);
  }

  /** The line is over: its watchdog goes. */
  end(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  /** Synchronous check (the interpreter calls it before each command). */
  check(): void {
    if (!this.exceeded && this.usedMs() > this.cpuMs) this.stop('cpu');
  }

  spawned(): void {
    if (++this.processes > LIMITS.processes) this.stop('processes');
  }

  /** Awaited between commands: checks the budget and yields to the event loop now and then. */
  async tick(): Promise<void> {
    this.check();
    const t = now();
    if (t - this.lastYield >= YIELD_EVERY_MS) {
      await macrotask();
      this.lastYield = now();
      // The time the page spent on other work (painting, keys) is not this line's computing.
      this.waitedMs += this.lastYield - t;
    }
  }
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
