/**
 * A readline-style line editor for xterm.js: it turns the raw input xterm reports
 * (keys, escape sequences, pastes) into edits of one command line, and writes the
 * redraws back. It knows nothing about the DOM or the simulator, so it is unit-tested
 * on its own; the terminal element wires it to xterm and to the simulated host.
 */
import { CONTROL, ESC, SEQUENCES, UNTYPED, stripUntyped } from './keys.ts';
import { cells } from './screen.ts';

export interface LineEditorHost {
  /** Write bytes to the terminal. */
  write(data: string): void;
  /** The learner pressed Enter on a line. */
  submit(line: string): void;
  /** Completion candidates for the word at `cursor`. */
  complete(line: string, cursor: number): Promise<string[]>;
  /** Ctrl-L. */
  clearScreen(): void;
  /** Ctrl-D on an empty line. */
  endOfInput?(): void;
  /** Ctrl-C at the prompt: the prompt to show next (default: the same one). */
  interrupted?(): string;
  /** The terminal's width in cells (long lines wrap; redraws must know where). */
  columns?(): number;
}

export class LineEditor {
  private buffer: string[] = [];
  private cursor = 0;
  private prompt = '';
  private historyIndex: number;
  private draft = '';
  private active = false;
  private pending: string[] = [];
  private typeahead = '';
  private lastTab = 0;
  /** Rows between the prompt's first row and the cursor, as last drawn. */
  private cursorRow = 0;

  constructor(
    private readonly host: LineEditorHost,
    private readonly history: string[] = [],
    private readonly historyLimit = 500,
  ) {
    this.historyIndex = history.length;
  }

  get line(): string {
    return this.buffer.join('');
  }

  get isActive(): boolean {
    return this.active;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** Show the prompt and start taking input. `first` (a set-up line) runs at once; else lines pasted earlier run first. */
  start(prompt: string, first?: string): void {
    this.search = undefined;
    this.prompt = prompt;
    this.buffer = [];
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    this.active = true;
    this.cursorRow = 0;
    this.host.write(prompt);
    this.cursorRow = Math.floor(cells(prompt) / this.cols());
    const next = first ?? this.pending.shift();
    if (next !== undefined) this.insert(next + '\r');
    else if (this.typeahead) {
      const partial = this.typeahead;
      this.typeahead = '';
      this.insert(partial);
    }
  }

  /** Stop taking input (a command is running). */
  stop(): void {
    this.active = false;
  }

  /** Type text as if the learner had typed it (click-to-run). */
  type(text: string): void {
    this.feed(text);
  }

  /** Raw input from xterm's onData. */
  feed(data: string): void {
    if (!this.active) {
      // Type-ahead while a command runs: keep what is typed, run each line when the prompt returns.
      for (const ch of stripUntyped(data)) {
        if (ch === '\r' || ch === '\n') {
          if (this.typeahead) this.pending.push(this.typeahead);
          this.typeahead = '';
        } else if (ch === '\x7f' || ch === '\b') this.typeahead = this.typeahead.slice(0, -1);
        else if (ch >= ' ') this.typeahead += ch;
      }
      return;
    }
    let i = 0;
    while (i < data.length && this.active) {
      if (this.search && this.searchKey(data, i)) {
        i += data[i] === ESC ? (UNTYPED.exec(data.slice(i))?.[0].length ?? 1) : 1;
        continue;
      }
      if (data[i] === ESC) {
        const seq = Object.keys(SEQUENCES)
          .filter((s) => data.startsWith(s, i))
          .sort((a, b) => b.length - a.length)[0];
        if (seq) {
          this.action(SEQUENCES[seq]);
          i += seq.length;
        } else {
          // An unknown escape sequence or a terminal's reply: skip it whole, never insert it.
          const m = UNTYPED.exec(data.slice(i));
          i += m ? m[0].length : 1;
        }
        continue;
      }
      const ch = data[i];
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && data[i + 1] === '\n') i++;
        i++;
        const rest = data.slice(i);
        if (rest) this.pending.push(...rest.split(/\r\n|\r|\n/).filter((l, idx, all) => l || idx < all.length - 1));
        this.enter();
        return;
      }
      const act = CONTROL[ch];
      if (act) {
        this.action(act);
        i++;
        continue;
      }
      const code = ch.codePointAt(0) ?? 0;
      const char = String.fromCodePoint(code);
      if (code >= 0x20) this.insert(char);
      i += char.length;
    }
  }

  private insert(text: string): void {
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') {
        // A pasted or typed-ahead line shows after its prompt before it runs, as a terminal echoes it
        // (the body of a here-document from a Run block: `> FROM alpine`).
        this.redraw();
        this.enter();
        return;
      }
      this.buffer.splice(this.cursor, 0, ch);
      this.cursor++;
    }
    this.redraw();
  }

  private enter(): void {
    const line = this.line;
    this.host.write(this.moveDown() + '\r\n');
    this.active = false;
    if (line.trim() && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > this.historyLimit) this.history.splice(0, this.history.length - this.historyLimit);
    }
    this.host.submit(line);
  }

  private action(name: string): void {
    switch (name) {
      case 'left':
        if (this.cursor > 0) this.cursor--;
        break;
      case 'right':
        if (this.cursor < this.buffer.length) this.cursor++;
        break;
      case 'home':
        this.cursor = 0;
        break;
      case 'end':
        this.cursor = this.buffer.length;
        break;
      case 'wordLeft':
        while (this.cursor > 0 && this.buffer[this.cursor - 1] === ' ') this.cursor--;
        while (this.cursor > 0 && this.buffer[this.cursor - 1] !== ' ') this.cursor--;
        break;
      case 'wordRight':
        while (this.cursor < this.buffer.length && this.buffer[this.cursor] === ' ') this.cursor++;
        while (this.cursor < this.buffer.length && this.buffer[this.cursor] !== ' ') this.cursor++;
        break;
      case 'backspace':
        if (this.cursor > 0) this.buffer.splice(--this.cursor, 1);
        break;
      case 'delete':
        if (this.cursor < this.buffer.length) this.buffer.splice(this.cursor, 1);
        break;
      case 'killEnd':
        this.buffer.splice(this.cursor);
        break;
      case 'killStart':
        this.buffer.splice(0, this.cursor);
        this.cursor = 0;
        break;
      case 'killWord': {
        let start = this.cursor;
        while (start > 0 && this.buffer[start - 1] === ' ') start--;
        while (start > 0 && this.buffer[start - 1] !== ' ') start--;
        this.buffer.splice(start, this.cursor - start);
        this.cursor = start;
        break;
      }
      case 'up':
        if (this.historyIndex > 0) {
          if (this.historyIndex === this.history.length) this.draft = this.line;
          this.historyIndex--;
          this.setLine(this.history[this.historyIndex]);
        }
        return;
      case 'down':
        if (this.historyIndex < this.history.length) {
          this.historyIndex++;
          this.setLine(this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex]);
        }
        return;
      case 'interrupt':
        this.host.write(this.moveDown() + '^C\r\n');
        this.active = false;
        this.pending = [];
        this.typeahead = '';
        this.start(this.host.interrupted?.() ?? this.prompt);
        return;
      case 'eof':
        if (this.buffer.length === 0) this.host.endOfInput?.();
        else if (this.cursor < this.buffer.length) this.buffer.splice(this.cursor, 1);
        break;
      case 'clear':
        this.host.clearScreen();
        this.cursorRow = 0;
        break;
      case 'complete':
        void this.complete();
        return;
      case 'search':
        this.search = { query: '', from: this.history.length, prompt: this.prompt, failed: false };
        this.showSearch();
        return;
    }
    this.redraw();
  }

  /** Ctrl-R: reverse incremental search through the history, as readline does. */
  private search: { query: string; from: number; prompt: string; failed: boolean } | undefined;

  private showSearch(): void {
    const s = this.search!;
    this.prompt = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    this.redraw();
  }

  private findOlder(start: number): void {
    const s = this.search!;
    for (let k = Math.min(start, this.history.length - 1); k >= 0; k--) {
      const at = (this.history[k] as string).indexOf(s.query);
      if (at >= 0) {
        s.from = k;
        s.failed = false;
        this.buffer = [...(this.history[k] as string)];
        this.cursor = at;
        return;
      }
    }
    s.failed = true;
  }

  /** A key while searching; true when it was consumed by the search. */
  private searchKey(data: string, i: number): boolean {
    const s = this.search!;
    const ch = data[i] as string;
    if (ch === '\x12') {
      if (s.query) this.findOlder(s.from - 1);
      this.showSearch();
      return true;
    }
    if (ch === '\x7f' || ch === '\b') {
      s.query = s.query.slice(0, -1);
      this.findOlder(this.history.length - 1);
      this.showSearch();
      return true;
    }
    if (ch === '\x03' || ch === '\x07') {
      // Ctrl-C / Ctrl-G: give up; the line is as before the search.
      this.prompt = s.prompt;
      this.search = undefined;
      this.buffer = [];
      this.cursor = 0;
      if (ch === '\x03') this.action('interrupt');
      else this.redraw();
      return true;
    }
    if (ch >= ' ' && ch !== '\x7f') {
      s.query += ch;
      this.findOlder(s.from);
      this.showSearch();
      return true;
    }
    // Any other key (Enter, arrows, Ctrl-A…) ends the search with the found line, then acts.
    this.prompt = s.prompt;
    this.search = undefined;
    this.redraw();
    return false;
  }

  private setLine(text: string): void {
    this.buffer = [...text];
    this.cursor = this.buffer.length;
    this.redraw();
  }

  private async complete(): Promise<void> {
    const line = this.line;
    const cursor = this.cursor;
    const candidates = await this.host.complete(line, cursor);
    if (!this.active || this.line !== line || this.cursor !== cursor) return;
    const start = wordStart(this.buffer, cursor);
    const word = this.buffer.slice(start, cursor).join('');
    const matches = candidates.filter((c) => c.startsWith(word));
    if (matches.length === 0) return;
    if (matches.length === 1) {
      const done = matches[0];
      const suffix = done.endsWith('/') ? '' : ' ';
      this.insert(done.slice(word.length) + suffix);
      return;
    }
    const common = commonPrefix(matches);
    if (common.length > word.length) {
      this.insert(common.slice(word.length));
      return;
    }
    // Second Tab in a row lists the candidates, as bash does.
    const now = Date.now();
    if (now - this.lastTab < 1500) {
      this.host.write(`\r${this.moveDown()}\r\n` + matches.join('  ') + '\r\n');
      this.cursorRow = 0;
      this.redraw();
    }
    this.lastTab = now;
  }

  private cols(): number {
    return Math.max(1, this.host.columns?.() ?? 80);
  }

  /** From the cursor's row down to the last row the line occupies. */
  private moveDown(): string {
    const cols = this.cols();
    const lastRow = Math.floor(Math.max(0, cells(this.prompt) + cells(this.line) - 1) / cols);
    const down = lastRow - this.cursorRow;
    return down > 0 ? `${ESC}[${down}B` : '';
  }

  /**
   * Redraws prompt and line from the prompt's first row, so lines longer than the
   * terminal is wide wrap correctly, then puts the cursor where it belongs.
   */
  private redraw(): void {
    const cols = this.cols();
    const promptCells = cells(this.prompt);
    const endCells = promptCells + cells(this.line);
    const cursorCells = promptCells + cells(this.buffer.slice(0, this.cursor).join(''));
    let out = (this.cursorRow > 0 ? `${ESC}[${this.cursorRow}A` : '') + `\r${this.prompt}${this.line}${ESC}[J`;
    // At an exact multiple of the width the terminal waits to wrap; make it wrap now.
    if (endCells > 0 && endCells % cols === 0) out += ` \r${ESC}[K`;
    const endRow = Math.floor(endCells / cols);
    const row = Math.floor(cursorCells / cols);
    const col = cursorCells % cols;
    if (endRow > row) out += `${ESC}[${endRow - row}A`;
    out += '\r' + (col > 0 ? `${ESC}[${col}C` : '');
    this.cursorRow = row;
    this.host.write(out);
  }
}

function wordStart(buffer: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && buffer[i - 1] !== ' ') i--;
  return i;
}

function commonPrefix(words: string[]): string {
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
