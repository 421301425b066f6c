/**
 * BuildKit's terminal output once a build has settled (the `tty` progress
 * mode of Docker 27's default builder), e.g.
 *
 *   [+] Building 0.9s (9/9) FINISHED                            docker:default
 *    => [internal] load build definition from Dockerfile                  0.0s
 *    => CACHED [2/4] RUN apt-get update && apt-get install -y nginx        0.0s
 *
 * and the error block (logs, Dockerfile excerpt, `ERROR: failed to solve: …`).
 */

export interface Vertex {
  name: string;
  /** Seconds. */
  duration: number;
  cached?: boolean;
  error?: boolean;
  /** Sub-lines (`=> => naming to …`), each with its own duration. */
  subs?: { name: string; duration: number }[];
  /** Counted in the (n/m) total; sub-steps are not. */
  counted?: boolean;
  /** What the step printed (RUN output), each line at its simulated ms; shown in plain mode and on error. */
  log?: { ms: number; text: string }[];
  /** The failure, for plain mode's `#7 ERROR: …` line. */
  errorMessage?: string;
}

function fit(left: string, right: string, width: number): string {
  const room = width - right.length;
  const l = left.length > room ? left.slice(0, Math.max(0, room - 1)) : left;
  return l + ' '.repeat(Math.max(1, room - l.length)) + right;
}

/** The whole progress screen. */
export function renderProgress(vertices: readonly Vertex[], opts: { width?: number; finished: boolean }): string {
  const width = opts.width ?? 80;
  const total = vertices.reduce((n, v) => n + v.duration, 0);
  const counted = vertices.filter((v) => v.counted !== false).length;
  const head = `[+] Building ${total.toFixed(1)}s (${counted}/${counted})${opts.finished ? ' FINISHED' : ''}`;
  const out = [fit(head, 'docker:default', width)];
  for (const v of vertices) {
    const tag = v.error ? 'ERROR ' : v.cached ? 'CACHED ' : '';
    out.push(fit(` => ${tag}${v.name}`, `${v.duration.toFixed(1)}s`, width));
    for (const s of v.subs ?? []) out.push(fit(` => => ${s.name}`, `${s.duration.toFixed(1)}s`, width));
  }
  return out.join('\n') + '\n';
}

/**
 * BuildKit's source excerpt for an error at lines [start, end] (1-based):
 * a few lines of context around it, `>>>` marking the instruction.
 */
export function renderExcerpt(file: string, lines: readonly string[], start: number, end: number): string {
  let s = start;
  let e = end;
  const pad = s === e ? 4 : 2;
  let p = 0;
  while (p < pad) {
    if (s > 1) {
      s--;
      p++;
    }
    if (e !== lines.length) {
      e++;
      p++;
    }
    p++;
  }
  const out = [`${file}:${start}`, '-'.repeat(20)];
  for (let i = s; i <= e; i++) {
    const mark = i >= start && i <= end ? '>>>' : '   ';
    out.push(` ${String(i).padStart(3)} | ${mark} ${lines[i - 1] ?? ''}`);
  }
  out.push('-'.repeat(20));
  return out.join('\n') + '\n';
}

/** The `------ > [3/3] RUN …: <logs> ------` box BuildKit prints for a failed step (last 10 log lines). */
export function renderLogBox(name: string, log: readonly { ms: number; text: string }[]): string {
  const tail = log.slice(-10);
  const body = tail.map((l) => `${(l.ms / 1000).toFixed(3)} ${l.text}`);
  return ['------', ` > ${name}:`, ...body, '------'].join('\n') + '\n';
}

/**
 * `--progress=plain` (also what BuildKit prints when stderr is not a terminal):
 * one block per vertex, `#N` prefixed, RUN output included.
 */
export function renderPlain(vertices: readonly Vertex[]): string {
  const out = ['#0 building with "default" instance using docker driver', ''];
  vertices.forEach((v, i) => {
    const n = `#${i + 1}`;
    out.push(`${n} ${v.name}`);
    for (const s of v.subs ?? []) out.push(`${n} ${s.name}${s.duration > 0 ? ` ${s.duration.toFixed(1)}s` : ''} done`);
    if (v.cached) out.push(`${n} CACHED`);
    else {
      for (const l of v.log ?? []) out.push(`${n} ${(l.ms / 1000).toFixed(3)} ${l.text}`);
      out.push(v.error ? `${n} ERROR: ${v.errorMessage ?? ''}` : `${n} DONE ${v.duration.toFixed(1)}s`);
    }
    out.push('');
  });
  return out.join('\n');
}
