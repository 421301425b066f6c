/**
 * The main-thread side of the terminal's simulated host (world-server.ts in a Web Worker):
 * the calls the terminal made on the World, as promises. A worker that cannot load or dies
 * rejects every call, waiting or new, so the terminal shows its load-failed state.
 */
import type { ExecResult } from '../../sim/api.ts';
import { type ExecParams, NAMED_BOOT_ID, type WorldRequest, type WorldResponse, type WorldState } from './world-protocol.ts';

/** A request without its id (world-client.ts numbers them). */
type Request = WorldRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Waiting {
  resolve: (message: WorldResponse) => void;
  reject: (err: Error) => void;
  onOutput?: (text: string) => void;
}

export class WorldClient {
  private next = 1;
  private readonly waiting = new Map<number, Waiting>();
  private dead: Error | null = null;
  /** The exec running now, if one is. */
  private executing: number | null = null;
  /** The exec whose program holds the keyboard (a 'raw' on from the worker), if one does. */
  private raw: number | null = null;
  private onWarmed = () => {};
  /** Settles once the worker has readied the shell's code for a first command (world-server.ts warm); never if that failed. */
  readonly warmed = new Promise<void>((resolve) => (this.onWarmed = resolve));

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<WorldResponse>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.fail(new Error(e.message || 'the simulated host stopped'));
    });
    worker.addEventListener('messageerror', () => this.fail(new Error('the simulated host sent a message that could not be read')));
  }

  /** A fresh world of the start state `world` with `lines` replayed into it (one message); an older boot still replaying is abandoned. */
  async boot(world: string, lines: string[], lastPid?: number): Promise<WorldState> {
    return booted(await this.call({ type: 'boot', world, lines, ...(lastPid === undefined ? {} : { lastPid }) }));
  }

  /** The answer to the boot the worker's name carried (world-protocol.ts bootName): nothing is sent. */
  async namedBoot(): Promise<WorldState> {
    if (this.dead) throw this.dead;
    return booted(await new Promise<WorldResponse>((resolve, reject) => this.waiting.set(NAMED_BOOT_ID, { resolve, reject })));
  }

  /** Runs a line; aborting `signal` is Ctrl-C, and `interrupt` is each Ctrl-C after it. */
  async exec(line: string, params: ExecParams, signal: AbortSignal, onOutput: (text: string) => void): Promise<{ result: ExecResult; state: WorldState }> {
    const id = this.next;
    const abort = () => this.dead || this.worker.postMessage({ id, type: 'abort' } satisfies WorldRequest);
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) queueMicrotask(abort);
    this.executing = id;
    try {
      const r = await this.call({ type: 'exec', line, params }, onOutput);
      if (r.type !== 'executed') throw new Error(`unexpected answer ${r.type}`);
      return { result: r.result, state: r.state };
    } finally {
      signal.removeEventListener('abort', abort);
      if (this.executing === id) this.executing = null;
    }
  }

  /**
   * Ctrl-C again while the line runs: a command that caught the first SIGINT (watch, top) let the line go on, and
   * this one goes to the command it went on to (world-server.ts, World.interrupt).
   */
  interrupt(): void {
    if (this.executing !== null && !this.dead) this.worker.postMessage({ id: this.executing, type: 'abort' } satisfies WorldRequest);
  }

  /**
   * Keys pressed while a line runs: to the program holding the keyboard (raw mode: top), if one does.
   * False when none does: the terminal keeps them as type-ahead for the next prompt, as the tty would in
   * canonical mode.
   */
  /** Whether a program holds the keyboard in raw mode (top, less): the tty then echoes nothing (ECHO off). */
  get keyboardHeld(): boolean {
    return this.raw !== null && !this.dead;
  }

  input(data: string): boolean {
    if (this.raw === null || this.dead) return false;
    this.worker.postMessage({ id: this.raw, type: 'input', data } satisfies WorldRequest);
    return true;
  }

  async needsMore(text: string): Promise<boolean> {
    const r = await this.call({ type: 'needsMore', text });
    return r.type === 'answer' && r.value === true;
  }

  async complete(line: string, cursor: number): Promise<string[]> {
    const r = await this.call({ type: 'complete', line, cursor });
    return r.type === 'answer' && Array.isArray(r.value) ? r.value : [];
  }

  dispose(): void {
    this.fail(new Error('the terminal was closed'));
  }

  private call(request: Request, onOutput?: (text: string) => void): Promise<WorldResponse> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, ...(onOutput ? { onOutput } : {}) });
      this.worker.postMessage({ ...request, id } as WorldRequest);
    });
  }

  private receive(message: WorldResponse): void {
    if (message.type === 'warmed') {
      this.onWarmed();
      return;
    }
    const w = this.waiting.get(message.id);
    if (!w) return;
    if (message.type === 'output') {
      w.onOutput?.(message.text);
      return;
    }
    if (message.type === 'raw') {
      this.raw = message.on ? message.id : this.raw === message.id ? null : this.raw;
      return;
    }
    if (this.raw === message.id) this.raw = null;
    this.waiting.delete(message.id);
    if (message.type === 'error') w.reject(new Error(message.message));
    else w.resolve(message);
  }

  private fail(err: Error): void {
    this.dead ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
    this.worker.terminate();
  }
}

function booted(r: WorldResponse): WorldState {
  if (r.type !== 'booted') throw new Error(`unexpected answer ${r.type}`);
  return r.state;
}
