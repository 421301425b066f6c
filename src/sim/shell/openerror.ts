/**
 * What head and tail say about an operand they cannot open, in their place among the files' output.
 *
 * just-bash's head and tail say `NAME: PATH: No such file or directory` for every failed open (a file the user may not
 * read too) and return it after all the files' output. coreutils 9.4 says "cannot open %s for reading" with the
 * path quoted by quoteaf and strerror after it (coreutils@v9.4:src/head.c head_file, src/tail.c tail_file), or
 * "error reading %s" for a directory (EISDIR at the first read); busybox 1.36.1 says "can't open '%s'" and strerror
 * (busybox@1_36_1:libbb/wfopen.c fopen_or_warn, libbb/xfuncs_printf.c open_or_warn, bb_perror_msg; a directory opens,
 * and coreutils/head.c says its name with strerror when fclose_if_not_stdin fails). Each error is written as the tool
 * reaches that operand, so it comes before the `==> NEXT <==` header of the files after it.
 */
import type * as JB from 'just-bash';
import type { ExecResult } from '../api.ts';
import { strerror } from './pathlookup.ts';

/** quoteaf (shell-escape-always quoting): in single quotes, or double quotes when the name holds one. */
const quoteaf = (p: string) => (p.includes("'") ? `"${p}"` : `'${p}'`);

/**
 * `r` (just-bash's head or tail of `files`, from `cwd` on `fs`) with its open errors worded as the tool of `busybox`
 * or coreutils words them, each before the output of the operands after it; `headed`: it prints `==> NAME <==` headers.
 */
export async function openErrors(
  name: 'head' | 'tail',
  r: ExecResult,
  files: string[],
  fs: JB.IFileSystem,
  cwd: string,
  busybox: boolean,
  headed: boolean,
): Promise<ExecResult> {
  const failed = new RegExp(`^${name}: (.*): No such file or directory$`, 'gm');
  if (!failed.test(r.stderr)) return r;
  const errors = new Map<string, string>();
  const dirs = new Set<string>();
  const stderr = await replaceAsync(r.stderr, failed, async (path) => {
    const got = await fs.stat(fs.resolvePath(cwd, path)).catch((e: Error) => e);
    const st = got instanceof Error ? undefined : got;
    // ELOOP (fs/namei.ts), or ENOTDIR (`file/`: shell/mountfs.ts): glibc's strerror, or musl's under busybox.
    const missing = got instanceof Error ? strerror(got, busybox) : '';
    // A socket cannot be opened (ENXIO: linux v6.8 net/socket.c sock_no_open); anything else that exists was refused.
    const socket = ((st?.mode ?? 0) & 0o170000) === 0o140000;
    const why = !st ? missing : st.isDirectory ? 'Is a directory' : socket ? 'No such device or address' : 'Permission denied';
    // busybox opens a directory too; the read fails and fclose_if_not_stdin's error is bb_simple_perror_msg(name).
    const text = st?.isDirectory
      ? busybox
        ? `${name}: ${path}: ${why}`
        : `${name}: error reading ${quoteaf(path)}: ${why}`
      : busybox
        ? `${name}: can't open '${path}': ${why}`
        : `${name}: cannot open ${quoteaf(path)} for reading: ${why}`;
    if (st?.isDirectory) dirs.add(path);
    errors.set(path, `${text}\n`);
    return text;
  });
  if (!headed) {
    // No headers to cut at (-q): in order when the failed operands all come before, or all after, the others.
    const failedAt = files.map((f) => errors.has(f));
    const first = failedAt.indexOf(false);
    const errorsFirst = first < 0 || failedAt.slice(first).every((x) => !x);
    const errorsLast = failedAt.indexOf(true) >= failedAt.lastIndexOf(false);
    if (errorsFirst === errorsLast && !(first < 0)) return { ...r, stderr };
    const chunks = [
      { stream: 'stderr' as const, text: stderr },
      { stream: 'stdout' as const, text: r.stdout },
    ];
    return { ...r, stderr, output: errorsFirst ? chunks : chunks.reverse() };
  }
  // Each file that opened has its header (coreutils write_header: "\n" before all but the first; busybox the same):
  // its bytes run to the blank line before the next header. A directory opens in coreutils, so its header comes
  // before the read fails.
  const bodies = new Map<string, string[]>();
  let from = 0;
  const opened = files.filter((f) => !errors.has(f));
  const starts = opened.map((f) => {
    const at = r.stdout.indexOf(`==> ${f} <==\n`, from);
    from = at < 0 ? from : at + f.length + 9;
    return at;
  });
  if (starts.some((at) => at < 0)) return { ...r, stderr };
  opened.forEach((f, i) => {
    const next = starts[i + 1];
    const body = r.stdout.slice((starts[i] as number) + f.length + 9, next === undefined ? undefined : next - 1);
    bodies.set(f, [...(bodies.get(f) ?? []), body]);
  });
  const output: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  let headers = 0;
  const header = (f: string) => `${headers++ ? '\n' : ''}==> ${f} <==\n`;
  for (const f of files) {
    const err = errors.get(f);
    if (err === undefined) output.push({ stream: 'stdout', text: header(f) + (bodies.get(f)?.shift() ?? '') });
    else if (dirs.has(f)) output.push({ stream: 'stdout', text: header(f) }, { stream: 'stderr', text: err });
    else output.push({ stream: 'stderr', text: err });
  }
  const text = (stream: string) =>
    output
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join('');
  return { ...r, stdout: text('stdout'), stderr: text('stderr'), output };
}

async function replaceAsync(text: string, re: RegExp, fn: (path: string) => Promise<string>): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(re.source, 'gm'))) {
    parts.push(text.slice(last, m.index), await fn(m[1] as string));
    last = (m.index ?? 0) + m[0].length;
  }
  return parts.join('') + text.slice(last);
}
