/**
 * The worker side of the terminal's simulated host: owns the World, runs the lines the page
 * sends and streams their output back in batches (world-protocol.ts). Kept apart from the
 * worker's entry (world.worker.ts) so tests drive it in Node through the same messages.
 */
import type { ExecResult, World } from '../../sim/api.ts';
import type { WarmPace } from '../../sim/warm.ts';
import { LIMITS } from '../../sim/shell/limits.ts';
import { OUTPUT_BATCH_CHARS, OUTPUT_BATCH_MS, type WorldRequest, type WorldResponse, type WorldState } from './world-protocol.ts';

export type Post = (message: WorldResponse) => void;

export class WorldServer {
  private world: World | null = null;
  /** Bumped by every boot: an older replay cannot replace a newer world. */
  private generation = 0;
  private readonly running = new Map<number, AbortController>();
  /** The key handler of the program holding the keyboard, by exec id (api.ts Keyboard). */
  private readonly keys = new Map<number, (data: string) => void>();
  /** The learner's lines: whether one came, how many are in progress, who waits for none (the warm-up's WarmPace). */
  private lineCame = false;
  private inProgress = 0;
  private readonly quietWaiters: (() => void)[] = [];
  /** Settles once a booted world has been readied for its first line (World.prepare), whether or not that worked. */
  private markPrepared = () => {};
  private readonly prepared = new Promise<void>((resolve) => (this.markPrepared = resolve));
  private readonly pace: WarmPace = {
    started: () => this.lineCame,
    quiet: () => (this.inProgress === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.quietWaiters.push(resolve))),
    prepared: () => this.prepared,
  };

  /**
   * `warm`: readies the shell's code (just-bash, the commands) for the first command, so it does not
   * wait for it (the World imports it on first use). Started with the first boot, as soon as the
   * worker runs: its fetches and compiles take this thread while the page's thread loads and opens
   * xterm, instead of after the prompt. A boot with no saved lines answers within its own task, so
   * the warm-up never delays it; a saved session's replay needs that code anyway.
   */
  constructor(
    private readonly post: Post,
    private readonly create: (world: string) => World,
    private warm?: (pace: WarmPace) => Promise<unknown>,
  ) {}

  handle(msg: WorldRequest): void {
    if (msg.type === 'abort') {
      // Each Ctrl-C: the first aborts the line's signal, the next ones go to the command the line went on to (World.interrupt).
      const c = this.running.get(msg.id);
      if (c?.signal.aborted) this.world?.interrupt();
      else c?.abort();
      return;
    }
    if (msg.type === 'input') {
      this.keys.get(msg.id)?.(msg.data);
      return;
    }
    const line = msg.type !== 'boot';
    if (line) {
      // The worker's steps as marks in a Chromium trace (scripts/trace-worker.ts): the learner's first line came.
      if (!this.lineCame) performance.mark('cc-world:line');
      this.lineCame = true;
      this.inProgress++;
    }
    this.answer(msg)
      .catch((err: unknown) => this.post({ id: msg.id, type: 'error', message: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        if (line && --this.inProgress === 0) for (const wake of this.quietWaiters.splice(0)) wake();
      });
  }

  private async answer(msg: Exclude<WorldRequest, { type: 'abort' | 'input' }>): Promise<void> {
    if (msg.type === 'boot') return this.boot(msg.id, msg.world, msg.lines, msg.lastPid);
    const world = this.world;
    if (!world) throw new Error('the simulated host has not started');
    if (msg.type === 'needsMore') this.post({ id: msg.id, type: 'answer', value: await world.needsMore(msg.text) });
    else if (msg.type === 'complete') this.post({ id: msg.id, type: 'answer', value: await world.complete(msg.line, msg.cursor) });
    else await this.exec(world, msg.id, msg.line, msg.params);
  }

  private async boot(id: number, name: string, lines: string[], lastPid: number | undefined): Promise<void> {
    const generation = ++this.generation;
    const warm = this.warm;
    this.warm = undefined;
    // A failed load shows on the first command, which imports it again.
    warm?.(this.pace).then(
      () => {
        performance.mark('cc-world:warmed');
        this.post({ id: 0, type: 'warmed' });
      },
      () => undefined,
    );
    for (const c of this.running.values()) c.abort();
    this.running.clear();
    const world = this.create(name);
    // The replay of a saved session shares one computing budget, so a session full of
    // runaway loops restores in seconds (each such line stops sooner; the state stays close).
    const start = performance.now();
    for (const line of lines) {
      if (generation !== this.generation) break;
      const left = LIMITS.replayCpuMs - (performance.now() - start);
      await world.exec(line, { cpuBudgetMs: Math.max(LIMITS.replayLineMinMs, Math.min(LIMITS.cpuMs, left)) });
    }
    if (generation !== this.generation) throw new Error('a newer session replaced this one');
    if (lastPid !== undefined) world.resumePids(lastPid);
    world.setClockMode('realtime');
    this.world = world;
    this.post({ id, type: 'booted', state: state(world) });
    performance.mark('cc-world:booted');
    // The host's shell is built now, while the page opens xterm and the learner types, not on the first line, which
    // waits for this same work if it comes sooner (World.prepare). A failure shows on that line, which tries again.
    world.prepare().then(() => {
      performance.mark('cc-world:prepared');
      this.markPrepared();
    }, this.markPrepared);
  }

  private async exec(world: World, id: number, line: string, params: { columns: number; rows: number; locale: 'en' | 'zh-cn' }): Promise<void> {
    const controller = new AbortController();
    this.running.set(id, controller);
    let pending = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending) this.post({ id, type: 'output', text: pending });
      pending = '';
    };
    try {
      const result = await world.exec(line, {
        ...params,
        signal: controller.signal,
        keyboard: {
          claim: (onKey) => {
            flush(); // what the program wrote before it took the keyboard is on the screen first
            this.keys.set(id, onKey);
            this.post({ id, type: 'raw', on: true });
            return () => {
              if (this.keys.get(id) !== onKey) return;
              this.keys.delete(id);
              this.post({ id, type: 'raw', on: false });
            };
          },
        },
        onOutput: (chunk) => {
          pending += chunk.text;
          if (pending.length >= OUTPUT_BATCH_CHARS) flush();
          else timer ??= setTimeout(flush, OUTPUT_BATCH_MS);
        },
      });
      flush();
      // A command of a world a boot replaced: its answer is dropped by the page, but never left pending.
      this.post({ id, type: 'executed', result: cloneable(result), state: state(world) });
    } finally {
      flush();
      this.running.delete(id);
      this.keys.delete(id);
    }
  }
}

/**
 * The result as plain data: its extras (notes, stopped) are not enumerable (src/sim/world.ts, so a
 * result still compares equal to { stdout, stderr, exitCode }) and a structured clone drops those.
 * `output` is left out: the page already has the streamed output.
 */
function cloneable(r: ExecResult): ExecResult {
  return {
    stdout: r.stdout,
    stderr: r.stderr,
    exitCode: r.exitCode,
    ...(r.stdoutKind ? { stdoutKind: r.stdoutKind } : {}),
    ...(r.notes ? { notes: r.notes } : {}),
    ...(r.stopped ? { stopped: r.stopped } : {}),
  };
}

function state(world: World): WorldState {
  const detachKeys = world.detachKeys();
  return { prompt: world.prompt(), ...(detachKeys ? { detachKeys } : {}), history: [...world.history()], lastPid: world.lastPid(), snapshot: world.snapshot() };
}
