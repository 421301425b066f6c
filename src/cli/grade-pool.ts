/**
 * Grading isolation: each submission is graded in a worker thread under its own time
 * budget (wall clock) and memory budget (V8 heap limits of the worker). A submission
 * that overruns either is stopped, becomes its own row saying what stopped it, and the
 * worker is replaced, so the rest of the class is graded. `jobs` workers run in parallel.
 */
import { Worker } from 'node:worker_threads';
import type { Exercise } from '../schemas/exercise.ts';
import type { Outcome } from './grade-core.ts';
import type { SubmissionContent } from './grade-input.ts';

export interface PoolOptions {
  exercise: Exercise;
  jobs: number;
  /** Per submission, in milliseconds. */
  timeLimitMs: number;
  /** Per submission: the worker's old-generation heap, in MB. */
  memoryMb: number;
}

declare global {
  var __CC_BUNDLE_DIR__: string | undefined;
}

function workerUrl(): URL {
  const dir = globalThis.__CC_BUNDLE_DIR__;
  return dir ? new URL('grade-worker.mjs', dir) : new URL('./grade-worker-dev.mjs', import.meta.url);
}

interface Slot {
  worker: Worker | null;
  ready: Promise<void> | null;
  busy: boolean;
}

export class GradePool {
  private slots: Slot[];
  private waiting: (() => void)[] = [];
  private seq = 0;

  constructor(private opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.jobs) }, () => ({ worker: null, ready: null, busy: false }));
  }

  private spawn(slot: Slot): void {
    const w = new Worker(workerUrl(), {
      workerData: { exercise: this.opts.exercise },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.opts.memoryMb / 8)) },
      stdout: true,
      stderr: true,
    });
    w.unref();
    slot.worker = w;
    slot.ready = new Promise((res, rej) => {
      // Starting is not the submission's time: allow a slow machine a minute.
      const timer = setTimeout(() => rej(new Error('it took over 60 s to start')), 60_000);
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          clearTimeout(timer);
          w.off('message', onMsg);
          w.off('error', rej);
          res();
        }
      };
      w.on('message', onMsg);
      w.once('error', (e) => {
        clearTimeout(timer);
        rej(e);
      });
    });
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private kill(slot: Slot): void {
    const w = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (w) void w.terminate();
  }

  /** Grades one submission in a worker; never rejects. */
  async grade(content: SubmissionContent): Promise<Outcome> {
    const slot = await this.acquire();
    try {
      if (!slot.worker) this.spawn(slot);
      try {
        await slot.ready;
      } catch (e) {
        this.kill(slot);
        return { error: `the grading worker did not start: ${(e as Error).message}` };
      }
      const w = slot.worker!;
      const seq = ++this.seq;
      const limitS = this.opts.timeLimitMs / 1000;
      return await new Promise<Outcome>((resolve) => {
        const done = (o: Outcome, killWorker: boolean) => {
          clearTimeout(timer);
          w.off('message', onMsg);
          w.off('error', onErr);
          w.off('exit', onExit);
          if (killWorker) this.kill(slot);
          resolve(o);
        };
        const onMsg = (m: { seq?: number; outcome?: Outcome }) => {
          if (m.seq === seq && m.outcome) done(m.outcome, false);
        };
        const onErr = (e: Error & { code?: string }) =>
          done(
            {
              error:
                e.code === 'ERR_WORKER_OUT_OF_MEMORY'
                  ? `stopped: grading it used more than ${this.opts.memoryMb} MB of memory (--memory-limit)`
                  : `stopped: the grader failed on it (${e.message})`,
            },
            true,
          );
        const onExit = (code: number) => done({ error: `stopped: the grading worker exited (code ${code})` }, true);
        const timer = setTimeout(
          () => done({ error: `stopped after ${limitS} s: grading it took longer than the time limit (--time-limit ${limitS})` }, true),
          this.opts.timeLimitMs,
        );
        w.on('message', onMsg);
        w.once('error', onErr);
        w.once('exit', onExit);
        w.postMessage({ seq, content });
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        const w = s.worker;
        s.worker = null;
        if (w) await w.terminate();
      }),
    );
  }
}
