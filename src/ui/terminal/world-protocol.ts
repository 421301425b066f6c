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
  | { id: number; type: 'error'; message: string };

/** Output batching: a frame (16 ms) or 64 KB, whichever comes first. */
export const OUTPUT_BATCH_MS = 16;
export const OUTPUT_BATCH_CHARS = 64 * 1024;
