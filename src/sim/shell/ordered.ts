/**
 * stdout and stderr in the order a program wrote them, through the interpreter that keeps them apart.
 *
 * just-bash (node_modules/just-bash, ExecutionOutputAccumulator) gathers a compound command's output
 * in two strings, one per stream, and applies redirections (`>&2`, `2>&1`, `> file`, `| cmd`) to
 * those strings; which line came first is gone. A real shell writes each line to its descriptor as
 * the command runs, so `sh -c 'echo out; echo err >&2; echo out2'` shows out, err, out2.
 *
 * The simulator sees every command it runs (its own commands, the wrapped and ticked just-bash ones:
 * adapters.ts, wrapped.ts) return its output. The trace keeps those outputs in the order they came,
 * before any redirection. When a result reaches the terminal, `reconcile` walks the trace and takes
 * each traced chunk from the stream where it ended up: a chunk redirected to the other stream is
 * found there, one sent to a file, a pipe or /dev/null is found nowhere and skipped. The result's
 * text is always exactly the interpreter's; only the interleaving comes from the trace. Output the
 * trace never saw (a just-bash builtin's own error, a command's own words around its children's
 * output) stays where the stream has it, before the next traced chunk of that stream.
 *
 * A command that runs other commands and returns their output in its own (docker run, docker exec,
 * chroot…) gets a frame of its own (`within`): its children's chunks are reconciled against its
 * result, and the ordered result is what its parent sees.
 */
/** `line`: a `set -x` trace's prefix (xtrace.ts), which takes the rest of its line in stderr where it is found. */
export type Chunk = { stream: 'stdout' | 'stderr'; text: string; line?: true };

/** More chunks than this in one line (a loop of ten thousand echoes): order falls back to stdout first. */
const MAX_CHUNKS = 20_000;
/** Looking ahead for a chunk past untraced output costs a scan of the stream: only for outputs up to this size. */
const MAX_SCAN = 1 << 20;

export class OutputTrace {
  private frames: Chunk[][] = [[]];
  private count = 0;
  private overflow = false;
  /** A `set -x` trace line was noted (xtrace.ts): the rest of the line's output waits for its end, to be put in order. */
  traced = false;
  /** The next trace line's prefix is not to be noted: its line never reaches the shell's stderr (xtrace-marks.ts). */
  skipNextLine = false;
  /** The `eval`s being run (xtrace-marks.ts): each parses and runs its text one trace level deeper. */
  evals = 0;

  /** Chunks of a command that was stopped (Ctrl-C, a limit): just-bash drops a stopped script's output; bash had shown it. */
  private dropped = new Set<Chunk>();

  /** A new line: nothing traced. */
  reset(): void {
    this.frames = [[]];
    this.count = 0;
    this.overflow = false;
    this.traced = false;
    this.skipNextLine = false;
    this.evals = 0;
    this.dropped.clear();
  }

  /** What stopped commands had written, in the order written, for the terminal to show after the rest of the line. */
  lost(): Chunk[] {
    return this.overflow ? [] : (this.frames[0] as Chunk[]).filter((c) => this.dropped.has(c) && !c.line);
  }

  /** A command's output, as it returned it (before the shell redirected any of it). */
  record(chunks: readonly Chunk[]): void {
    if (this.overflow) return;
    const frame = this.frames[this.frames.length - 1] as Chunk[];
    for (const c of chunks) {
      if (!c.text) continue;
      if (++this.count > MAX_CHUNKS) {
        this.overflow = true;
        return;
      }
      frame.push(c);
    }
  }

  /** The chunk of a trace line just noted, taken back: its command is the simulator's own (xtrace.ts untraceOwn). */
  unrecordLine(): void {
    const frame = this.frames[this.frames.length - 1] as Chunk[];
    if (this.overflow || !frame.at(-1)?.line) return;
    frame.pop();
    this.count--;
  }

  /** Runs a command that may run others; its result gets `output` ordered from what they wrote. */
  async within<T extends { stdout: string; stderr: string; output?: Chunk[] }>(early: () => string, fn: () => Promise<T>): Promise<T> {
    this.frames.push([]);
    let frame: Chunk[] = [];
    let r: T;
    let done = false;
    try {
      r = await fn();
      done = true;
    } finally {
      frame = this.frames.pop() as Chunk[];
      if (!this.frames.length) this.frames.push([]);
      if (!done) {
        // Stopped: what it wrote goes up to its parent, marked, so the line can still show it in order.
        for (const c of frame) this.dropped.add(c);
        this.frames[this.frames.length - 1]?.push(...frame);
      }
    }
    if (r.output || !frame.length || this.overflow) return r;
    const first = early();
    const head = first && r.stderr.startsWith(first) ? first : '';
    const body = reconcile(frame, r.stdout, r.stderr.slice(head.length));
    return { ...r, output: head ? [{ stream: 'stderr', text: head }, ...body] : body };
  }

  /** A process's whole run (a container's command): ordered as `within`, and its output traced as one command's. */
  async child<T extends { stdout: string; stderr: string; output?: Chunk[] }>(fn: () => Promise<T>): Promise<T> {
    const r = await this.within(() => '', fn);
    this.record(
      r.output ?? [
        { stream: 'stdout', text: r.stdout },
        { stream: 'stderr', text: r.stderr },
      ],
    );
    return r;
  }

  /** The line's chunks so far, or undefined when there were too many to order. */
  line(): readonly Chunk[] | undefined {
    return this.overflow ? undefined : this.frames[0];
  }
}

/** A result once its text is on the terminal: none left; just-bash's byte count of a result it made (a shell's) follows. */
export function written<T extends { stdout: string; stderr: string; output?: Chunk[] }>(r: T): T {
  const acc = 'internalOutputAccounting' in r ? { internalOutputAccounting: { stdout: 0, stderr: 0 } } : {};
  return { ...r, stdout: '', stderr: '', output: undefined, ...acc };
}

/** `stdout` and `stderr` as chunks in the order of `trace` (see the file's head); what it cannot place comes at the end, stdout first. */
export function reconcile(trace: readonly Chunk[] | undefined, stdout: string, stderr: string): Chunk[] {
  const text = { stdout, stderr };
  const at = { stdout: 0, stderr: 0 };
  const out: Chunk[] = [];
  const emit = (stream: Chunk['stream'], s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.stream === stream) last.text += s;
    else out.push({ stream, text: s });
  };
  const scan = stdout.length + stderr.length <= MAX_SCAN;
  for (const c of trace ?? []) {
    if (c.line) {
      // A trace line: where stderr is now, to its end; not there (sent elsewhere, or the simulator's own): nothing.
      if (!stderr.startsWith(c.text, at.stderr)) continue;
      const end = stderr.indexOf('\n', at.stderr + c.text.length);
      const stop = end < 0 ? stderr.length : end + 1;
      emit('stderr', stderr.slice(at.stderr, stop));
      at.stderr = stop;
      continue;
    }
    const order: Chunk['stream'][] = c.stream === 'stdout' ? ['stdout', 'stderr'] : ['stderr', 'stdout'];
    // Where it was written, then where a redirection may have sent it: at the stream's current place first.
    const here = order.find((s) => text[s].startsWith(c.text, at[s]));
    if (here) {
      emit(here, c.text);
      at[here] += c.text.length;
      continue;
    }
    if (!scan) continue;
    // Past output the trace did not see (a builtin's error): that output first, then the chunk.
    for (const s of order) {
      const i = text[s].indexOf(c.text, at[s]);
      if (i < 0) continue;
      emit(s, text[s].slice(at[s], i + c.text.length));
      at[s] = i + c.text.length;
      break;
    }
  }
  emit('stdout', stdout.slice(at.stdout));
  emit('stderr', stderr.slice(at.stderr));
  return out;
}
