/**
 * The live terminal: xterm.js wired to the simulated host through the line editor. Loaded only when the learner
 * starts the terminal. Keeps the session across a reload: the executed lines are replayed into a fresh world (the
 * simulator is deterministic) and the screen is restored from xterm's serialized buffer.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { WorldSnapshot } from '../../sim/api.ts';
import { CtrlCEcho } from './ctrlc-echo.ts';
import { EscapeKeys } from './escape.ts';
import { copyOnCtrlC } from './keys.ts';
import { nextTask } from './yield.ts';
import { ScreenSerializer } from './serialize.ts';
import { measureAscii, measureCharBeforeRenderer } from './widths.ts';
import { FONT, fitGeometry, type Geometry } from './geometry.ts';
import { LineEditor } from './line-editor.ts';
import { safeOutput } from './screen.ts';
import { loadSession, resetSession, saveSession, sessionKey, storedRev, type Saved } from './storage.ts';
import type { WorldClient } from './world-client.ts';
import type { WorldState } from './world-protocol.ts';
import type { StartedWorld } from './load.ts';
import type { EarlyPrompt } from './early-prompt.ts';
import type { CommandEventDetail, SessionNotice } from './session-types.ts';

const THEME = { background: '#0c0f14', foreground: '#e6edf3', cursor: '#7fd3ff' };
const OPTIONS = { convertEol: false, cursorBlink: true, ...FONT, scrollback: 5000, screenReaderMode: false, theme: THEME };
const MAX_SCREEN_CHARS = 200_000;
const MAX_ANNOUNCE_CHARS = 2_000;

export type { CommandEventDetail, SessionNotice } from './session-types.ts';

export interface SessionOptions {
  host: HTMLElement;
  live: HTMLElement;
  lesson: string;
  scenario: string;
  label: string;
  /** Tells the page about the other tab (and clears the notice with null). */
  notice?: (kind: SessionNotice) => void;
  /** The simulated host (world.worker.ts), started and booting while xterm loads (load.ts). */
  started: StartedWorld;
  /** The prompt drawn before xterm (early-prompt.ts): its keys and focus are taken when the first world is up. */
  early?: EarlyPrompt | null;
}

export class TerminalSession {
  /** The simulated host, in its worker (issue #14), and its state after the last boot or command. */
  private readonly world: WorldClient;
  private state!: WorldState;
  private editor!: LineEditor;
  private running: AbortController | null = null;
  private readonly ctrlC = new CtrlCEcho();
  /** Bumped by Reset: a command of an older world must not touch the new one. */
  private generation = 0;
  private readonly queue: string[] = [];
  /** An exercise's set-up lines (reset(setup)): they run before anything typed or clicked meanwhile. */
  private setup: string[] = [];
  /** Input typed while a world boots (the first start, Reset): held, then fed to the new prompt; null once it is up. */
  private held: string | null = '';
  /** Lines of a command begun at the prompt that bash would read on from (PS2, `> `): a here-document, an open quote. */
  private partial: string[] = [];
  private readonly escape = new EscapeKeys();
  private saveTimer = 0;
  /** The stored revision this tab last read or wrote (storage.ts). */
  private rev = 0;
  /** Lines of this world that are in the stored session (the rest are unsaved). */
  private savedLines = 0;
  /** Another tab's newer session is waiting for the learner's choice: saves are held. */
  private conflicted = false;
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly serializer: ScreenSerializer;
  private resizeObserver: ResizeObserver | null = null;
  /** The learner left the terminal with Esc (controls.ts): that announcement stays until they come back. */
  private away = false;

  private constructor(private readonly opts: SessionOptions & { size: Geometry | undefined }) {
    this.world = opts.started.world;
    this.term = new Terminal({ ...OPTIONS, ...opts.size });
    this.term.loadAddon(this.fit);
    measureCharBeforeRenderer(this.term);
    this.serializer = new ScreenSerializer(this.term);
    this.term.onData((data) => this.onData(data));
    addEventListener('storage', this.onStorage);
    copyOnCtrlC(this.term);
  }

  static async open(opts: SessionOptions): Promise<TerminalSession> {
    const size = fitGeometry(opts.host, FONT.fontSize, FONT.fontFamily); // a task each (yield.ts): the size (a layout: geometry.ts);
    await nextTask();
    const s = new TerminalSession({ ...opts, size }); // xterm's services and parser; its open;
    await nextTask();
    s.term.open(opts.host);
    s.term.textarea?.setAttribute('aria-label', opts.label);
    s.term.textarea?.addEventListener('focus', () => void (s.away = false));
    await nextTask(); // the fit and the widths (forced layouts, a task each); the saved screen's replay
    s.fit.fit();
    await nextTask();
    measureAscii(s.term); // one layout for the characters' widths, not one each as rows draw (widths.ts)
    s.resizeObserver = new ResizeObserver(() => s.fit.fit());
    s.resizeObserver.observe(opts.host);
    await nextTask();
    await s.boot(opts.started.saved, opts.started.booting);
    s.serializer.soon(); // the saved screen's addon, once the prompt is up (serialize.ts)
    return s;
  }

  /** Boots a fresh world replaying `saved` (or takes the boot load.ts already sent for it, `booting`). */
  private async boot(saved: Saved | null, booting?: Promise<WorldState>): Promise<void> {
    const generation = this.generation;
    this.rev = saved?.rev ?? storedRev(this.opts.lesson);
    this.conflicted = false;
    // The worker replays a saved session's lines into a fresh world (world-server.ts) in one message.
    let state: WorldState;
    try {
      state = await (booting ?? this.world.boot(this.opts.scenario, saved?.lines ?? [], saved?.lastPid));
    } catch (err) {
      if (generation !== this.generation) return; // a newer Reset or session replaced this boot
      throw err;
    }
    if (generation !== this.generation) return;
    this.state = state;
    if (saved) this.term.write(saved.screen.slice(-MAX_SCREEN_CHARS));
    this.savedLines = state.history.length;
    this.editor = new LineEditor(
      {
        write: (d) => this.term.write(d),
        submit: (line) => void this.submit(line),
        complete: (line, cursor) => this.world.complete(line, cursor),
        clearScreen: () => this.term.clear(),
        columns: () => this.term.cols,
        // Ctrl-D on an empty line: end of input ends a container's shell; the login shell stays (nowhere to log out to).
        endOfInput: () => {
          this.editor.stop();
          // At the continuation prompt, end of input ends the command begun, as bash does, and runs it.
          const begun = this.partial.join('\n');
          this.partial = [];
          void this.execute(begun || 'exit');
        },
        // Ctrl-C drops a command begun at the continuation prompt; bash shows its own prompt again.
        interrupted: () => {
          this.partial = [];
          return this.state.prompt;
        },
      },
      saved?.history ?? [],
    );
    if (saved) this.term.write('\x1b[2K\r'); // the saved screen ends on a prompt: redraw it
    this.editor.start(state.prompt, this.setup.shift());
    this.emit('cc:reset', { snapshot: state.snapshot });
    // What was typed or clicked while the world booted comes after the set-up: type-ahead while it runs. Keys
    // typed at the early prompt come first (xterm had no focus meanwhile), in the task that moves the focus here.
    const early = this.opts.early?.take();
    const held = this.held;
    this.held = null;
    if (early?.focused) this.term.focus();
    for (const keys of [...(early?.keys ?? []), held]) if (keys) this.onData(keys);
    const next = this.running ? undefined : this.queue.shift();
    if (next !== undefined) this.editor.type(next + '\r');
  }

  /** The simulator's state after the last command (goal checks, pictures). */
  snapshot(): WorldSnapshot {
    return this.state.snapshot;
  }

  private emit(type: string, detail: unknown): void {
    this.opts.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  focus(): void {
    this.term.focus();
  }

  /** Keys from the on-screen key bar, handled as if typed (Tab, Ctrl-C, arrows…). */
  input(data: string): void {
    this.term.input(data, true);
  }

  /** The terminal's width in columns. */
  get columns(): number {
    return this.term.cols;
  }

  /** Click-to-run: type the command at the prompt and run it. */
  run(command: string): void {
    if (this.held === null && this.editor.isActive) this.editor.type(command + '\r');
    else this.queue.push(command);
    this.focus();
  }

  /** A fresh world (Reset). `setup`: an exercise's set-up lines, run first; a line typed or a Run button pressed meanwhile
   * is queued behind them (tests/e2e/exercise-shell.spec.ts). */
  async reset(setup: readonly string[] = []): Promise<void> {
    this.generation++;
    this.held ??= '';
    this.running?.abort();
    this.running = null;
    clearTimeout(this.saveTimer);
    // An empty session with a newer revision: a tab still holding the old one cannot write over it.
    resetSession(this.opts.lesson);
    this.term.reset();
    this.queue.length = 0;
    this.setup = [...setup];
    this.partial = [];
    this.opts.notice?.(null);
    await this.boot(null);
  }

  /** Takes the other tab's newer session: the stored lines are replayed into a fresh world. */
  async useStored(automatic = false): Promise<void> {
    this.generation++;
    this.held ??= '';
    this.running?.abort();
    this.running = null;
    clearTimeout(this.saveTimer);
    this.term.reset();
    this.queue.length = 0;
    this.setup = [];
    this.partial = [];
    await this.boot(loadSession(this.opts.lesson));
    this.opts.notice?.(automatic ? 'updated' : null);
  }

  /** Keeps this tab's session: it is saved over the other tab's. */
  keepMine(): void {
    this.conflicted = false;
    void this.serializer.ready().then(() => this.write(true) && this.opts.notice?.('kept'));
  }

  private readonly onStorage = (e: StorageEvent): void => {
    if (e.key !== sessionKey(this.opts.lesson) || this.conflicted) return;
    if (storedRev(this.opts.lesson) === this.rev) return;
    // The world is still booting (its answer comes from the worker): the next save meets the newer revision.
    if (!this.state) return;
    // Nothing of this tab's own is unsaved: follow the other tab. Otherwise ask.
    const unsaved = this.running !== null || this.state.history.length !== this.savedLines;
    if (unsaved) this.conflict();
    else void this.useStored(true);
  };

  private conflict(): void {
    this.conflicted = true;
    clearTimeout(this.saveTimer);
    this.opts.notice?.('conflict');
  }

  dispose(): void {
    removeEventListener('storage', this.onStorage);
    this.running?.abort();
    this.world.dispose();
    this.resizeObserver?.disconnect();
    this.term.dispose();
  }

  private onData(data: string): void {
    if (this.held !== null) {
      this.held += data;
      return;
    }
    if (this.running) {
      // Ctrl-C is SIGINT, raw mode or not (ISIG); other keys go to a program holding the keyboard (top), else type-ahead of whole lines.
      // The first Ctrl-C aborts the line's signal; after a command that caught it (watch, top), the next goes on.
      if (data.includes('\x03') && !this.world.keyboardHeld) this.ctrlC.pressed((t) => this.term.write(t));
      if (data.includes('\x03')) this.running.signal.aborted ? this.world.interrupt() : this.running.abort();
      else if (!this.world.input(data)) this.editor.feed(data);
      return;
    }
    // At an attached container shell's prompt, the detach keys go to the docker client (World.detachKeys).
    const { pass, detached } = this.escape.feed(data, this.state?.detachKeys);
    if (pass) this.editor.feed(pass);
    if (detached && this.state?.detachKeys) {
      this.editor.stop();
      this.partial = [];
      void this.execute(this.state.detachKeys);
    }
  }

  /** A line entered: while bash would read on (open here-document, quote, compound), it waits at `> `; then all run as one. */
  private async submit(line: string): Promise<void> {
    const generation = this.generation;
    // From Enter on, Ctrl-C belongs to this line, as bash sends SIGINT to the job it starts: one pressed
    // while the line is still being parsed stops the command at once (it was lost before).
    const interrupt = new AbortController();
    this.running = interrupt;
    const text = [...this.partial, line].join('\n');
    const more = await this.world.needsMore(text).catch(() => false);
    if (generation !== this.generation) return; // Reset happened meanwhile
    if (more) {
      this.running = null;
      if (interrupt.signal.aborted) {
        // Ctrl-C drops a command begun, as at the continuation prompt.
        this.partial = [];
        this.term.write('^C\r\n');
        this.editor.start(this.state.prompt);
        return;
      }
      this.partial.push(line);
      this.editor.start('> ', this.setup.shift());
      return;
    }
    this.partial = [];
    await this.execute(text, interrupt);
  }

  private async execute(line: string, controller = new AbortController()): Promise<void> {
    const generation = this.generation;
    this.running = controller;
    let streamed = '';
    let outcome: { stdout: string; stderr: string; exitCode: number; notes?: string[] } = { stdout: '', stderr: '', exitCode: 0 };
    const show = (text: string) => {
      if (generation !== this.generation) return;
      streamed += this.ctrlC.wrote(text);
      this.term.write(safeOutput(text).replace(/\r?\n/g, '\r\n'));
    };
    try {
      const { result, state } = await this.world.exec(line, { columns: this.term.cols, rows: this.term.rows, locale: this.locale() }, controller.signal, show);
      if (generation === this.generation) this.state = state;
      outcome = result;
      if (!streamed) show(result.stdout + result.stderr);
      this.ctrlC.end((t) => this.term.write(t));
      // The course's own lines (a limit stopped the line; what to use instead of a missing command): dim, after the output.
      if (generation === this.generation && result.notes?.length) {
        if (streamed && !streamed.endsWith('\n')) this.term.write('\r\n');
        for (const note of result.notes) this.term.write(`\x1b[2m${safeOutput(note)}\x1b[22m\r\n`);
        this.opts.host.dataset.note = result.notes.join('\n');
      } else if (generation === this.generation) delete this.opts.host.dataset.note;
    } catch (err) {
      if (generation === this.generation) show(`internal error: ${(err as Error).message}\n`);
    } finally {
      if (generation === this.generation) this.running = null;
    }
    if (generation !== this.generation) return; // Reset happened meanwhile
    if (!performance.getEntriesByName('cc-terminal:first-answer').length) performance.mark('cc-terminal:first-answer');
    this.announce(outcome.notes?.length ? `${streamed}\n${outcome.notes.join('\n')}` : streamed);
    this.scheduleSave();
    this.emit('cc:command', {
      line,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      exitCode: outcome.exitCode,
      snapshot: this.state.snapshot,
    } satisfies CommandEventDetail);
    // An exercise's set-up goes on before type-ahead; a Run line after it (as before).
    const setup = this.setup.shift();
    const next = setup === undefined ? this.queue.shift() : undefined;
    this.editor.start(this.state.prompt, setup);
    if (next !== undefined) this.editor.type(next + '\r');
  }

  /** The page's language: the course's notes speak it. */
  private locale(): 'en' | 'zh-cn' {
    return /^zh/i.test(this.opts.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang) ? 'zh-cn' : 'en';
  }

  /**
   * Esc moved the focus out (controls.ts): `message` is announced, and output that lands after it
   * (a worker batch, a command's end) does not replace it while the focus is away.
   */
  leave(message: string): void {
    this.away = true;
    this.opts.live.textContent = message;
  }

  /** Screen readers hear each command's output once, as plain text (not while the learner is away, above). */
  private announce(text: string): void {
    if (this.away) return;
    const plain = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').trim();
    this.opts.live.textContent = plain.length > MAX_ANNOUNCE_CHARS ? plain.slice(0, MAX_ANNOUNCE_CHARS) + '…' : plain;
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    if (this.conflicted) return;
    const generation = this.generation; // a save that waits for the serialize addon (serialize.ts) is dropped by a Reset meanwhile
    const save = () => generation === this.generation && !this.conflicted && this.write(false);
    const parsed = () => new Promise<void>((r) => this.term.write('', r)); // xterm's queued writes first (busy CI lost output)
    this.saveTimer = window.setTimeout(() => void this.serializer.ready().then(parsed).then(save), 150);
  }

  /** Saves the session over the revision this tab holds (or over any, `force`). */
  private write(force: boolean): boolean {
    const lines = [...this.state.history];
    const r = saveSession(
      this.opts.lesson,
      this.rev,
      { lines, history: [...this.editor.entries], screen: this.serializer.serialize(1000) ?? '', lastPid: this.state.lastPid },
      force,
    );
    if (r.ok) {
      this.rev = r.rev;
      this.savedLines = lines.length;
      return true;
    }
    if (r.conflict) this.conflict();
    return false;
  }
}
