/**
 * The messages between the terminal (world-client.ts, main thread) and the simulated host in
 * its Web Worker (world-server.ts, world.worker.ts). Issue #14: the World runs off the main
 * thread, so a command never blocks typing, scrolling or the page's other scripts.
 * Every message is plain data (structured clone).
 */
import type { ExecResult, WorldSnapshot } from '../../sim/api.ts';

/** What a command line needs from the page: the terminal's size and language. */
export interface ExecParams {
  columns: number;
  rows: number;
  locale: 'en' | 'zh-cn';
}

export type WorldRequest =
  /**
   * A fresh world of the start state `world` names (the lesson's `scenario:`, content/world/), with a saved
   * session's lines replayed into it (in one message). A second boot aborts what runs.
   */
  | { id: number; type: 'boot'; world: string; lines: string[]; lastPid?: number }
  | { id: number; type: 'exec'; line: string; params: ExecParams }
  | { id: number; type: 'needsMore'; text: string }
  | { id: number; type: 'complete'; line: string; cursor: number }
  /** Ctrl-C: the exec with this id gets SIGINT (its AbortSignal). No reply. */
  | { id: number; type: 'abort' }
  /** Keys pressed while the exec with this id holds the keyboard (after its 'raw' on). No reply. */
  | { id: number; type: 'input'; data: string };

/** The world's state the page reads without asking (the prompt, the lines for a save, goals and pictures). */
export interface WorldState {
  prompt: string;
  /** The current session's detach keys (World.detachKeys), when the docker client attached it. */
  detachKeys?: string;
  history: string[];
  lastPid: number;
  snapshot: WorldSnapshot;
}

export type WorldResponse =
  /** Output of the running exec `id`, batched (at most every 16 ms, up to 64 KB). */
  | { id: number; type: 'output'; text: string }
  /** A program of the running exec `id` took the keyboard (`on`, raw mode: top) or gave it back (sim api.ts Keyboard). */
  | { id: number; type: 'raw'; on: boolean }
  | { id: number; type: 'booted'; state: WorldState }
  | { id: number; type: 'executed'; result: ExecResult; state: WorldState }
  | { id: number; type: 'answer'; value: boolean | string[] }
  | { id: number; type: 'error'; message: string }
  /** The shell's code is loaded and has run once (world-server.ts warm): answers no request, its id is 0. */
  | { id: number; type: 'warmed' };

/** A boot request. */
export type BootRequest = Extract<WorldRequest, { type: 'boot' }>;

/** The id of the first boot, the one the worker's name carries (bootName). */
export const NAMED_BOOT_ID = 0;

const NAME = 'cc-world';

/**
 * The worker's name, carrying its first boot. A message posted to a worker before its script has
 * run is held by the page's thread and handed on only when that thread next runs a task (seen in
 * Chromium's traces: the boot waited for the 300-1,600 ms task that compiles and opens xterm), so
 * the world, and the warm-up of the shell's code after it, started only once xterm was open. In
 * the name, the boot starts as soon as the worker's script has run, beside xterm (issue #14).
 */
export function bootName(world: string, lines: string[], lastPid?: number): string {
  const boot: BootRequest = { id: NAMED_BOOT_ID, type: 'boot', world, lines, ...(lastPid === undefined ? {} : { lastPid }) };
  return `${NAME} ${JSON.stringify(boot)}`;
}

/** The boot a worker's name carries (bootName), or null for a name without one or one that does not read as one. */
export function bootOfName(name: string): BootRequest | null {
  if (!name.startsWith(`${NAME} `)) return null;
  try {
    const b = JSON.parse(name.slice(NAME.length + 1)) as Partial<BootRequest>;
    const ok =
      b.type === 'boot' &&
      b.id === NAMED_BOOT_ID &&
      typeof b.world === 'string' &&
      Array.isArray(b.lines) &&
      b.lines.every((l) => typeof l === 'string') &&
      (b.lastPid === undefined || typeof b.lastPid === 'number');
    return ok ? (b as BootRequest) : null;
  } catch {
    return null;
  }
}

/** Output batching: a frame (16 ms) or 64 KB, whichever comes first. */
export const OUTPUT_BATCH_MS = 16;
export const OUTPUT_BATCH_CHARS = 64 * 1024;
