/**
 * `readlink`: coreutils@v9.4:src/readlink.c on node1 (-e/-f/-m canonicalize_filename_mode, -n, -z, -q/-s, -v),
 * busybox@1_36_1:coreutils/readlink.c in alpine ([-fnv] FILE, one operand). `readlink -f /bin/ls` follows
 * every component, so on Ubuntu's merged /usr it is /usr/bin/ls.
 */
import type { ExecResult } from '../../api.ts';
import { strerror } from '../pathlookup.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const TRY = "Try 'readlink --help' for more information.\n";
const BUSYBOX_USAGE =
  "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon't add newline\n\t-v\tVerbose\n";

export type Mode = 'existing' | 'all-but-last' | 'missing';

/**
 * canonicalize_filename_mode (gnulib canonicalize.c): every symlink followed; what may be missing depends on the mode.
 * A name that goes on with a trailing slash must be a directory (suffix_requires_dir_check, then dir_check: ENOTDIR),
 * but under -f a missing last one may still be missing, and under -m nothing is checked (`CAN_MISSING ||`).
 */
export async function canonicalize(env: CmdEnv, name: string, mode: Mode): Promise<string | { errno: string }> {
  if (name === '') return { errno: 'No such file or directory' };
  const todo = (name.startsWith('/') ? name : `${env.cwd}/${name}`).split('/').filter(Boolean);
  // The rest of the name ends with '/' (the name's own, or that of the target of a link that was its last component).
  let slash = name.length > 1 && name.endsWith('/');
  const done: string[] = [];
  let links = 0;
  while (todo.length) {
    const part = todo.shift() as string;
    if (part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const path = `/${[...done, part].join('/')}`;
    let st: { isSymbolicLink: boolean; isDirectory: boolean } | undefined;
    try {
      st = await env.fs.lstat(path);
    } catch {
      st = undefined;
    }
    if (!st) {
      if (mode === 'existing' || (mode === 'all-but-last' && todo.length > 0)) return { errno: 'No such file or directory' };
      done.push(part);
      continue;
    }
    if (st.isSymbolicLink) {
      if (++links > 40) return { errno: 'Too many levels of symbolic links' };
      const target = await env.fs.readlink(path);
      if (!todo.length) slash ||= target.endsWith('/');
      if (target.startsWith('/')) done.length = 0;
      todo.unshift(...target.split('/').filter(Boolean));
      continue;
    }
    if (!st.isDirectory && (todo.length > 0 || slash) && mode !== 'missing') return { errno: 'Not a directory' };
    done.push(part);
  }
  return `/${done.join('/')}`;
}

export const readlink: SimCommand = {
  name: 'readlink',
  async run(args, env) {
    const busybox = env.flavor === 'busybox';
    let mode: Mode | undefined;
    let noNewline = false;
    let verbose = false;
    let nul = false;
    const names: string[] = [];
    let opts = true;
    for (const a of args) {
      if (opts && a === '--') opts = false;
      else if (opts && a.startsWith('--') && !busybox) {
        const long: Record<string, () => void> = {
          '--canonicalize': () => (mode = 'all-but-last'),
          '--canonicalize-existing': () => (mode = 'existing'),
          '--canonicalize-missing': () => (mode = 'missing'),
          '--no-newline': () => (noNewline = true),
          '--quiet': () => (verbose = false),
          '--silent': () => (verbose = false),
          '--verbose': () => (verbose = true),
          '--zero': () => (nul = true),
        };
        if (!long[a]) return R('', `readlink: unrecognized option '${a}'\n${TRY}`, 1);
        long[a]();
      } else if (opts && a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1)) {
          if (!(busybox ? 'fnvsq' : 'efmnqsvz').includes(ch))
            return busybox ? R('', `readlink: invalid option -- '${ch}'\n${BUSYBOX_USAGE}`, 1) : R('', `readlink: invalid option -- '${ch}'\n${TRY}`, 1);
          if (ch === 'e') mode = 'existing';
          else if (ch === 'f') mode = 'all-but-last';
          else if (ch === 'm') mode = 'missing';
          else if (ch === 'n') noNewline = true;
          else if (ch === 'v') verbose = true;
          else if (ch === 'z') nul = true;
          else verbose = false;
        }
      } else names.push(a);
    }
    if (busybox && names.length !== 1) return R('', BUSYBOX_USAGE, 1);
    if (!names.length) return R('', `readlink: missing operand\n${TRY}`, 1);
    // Written in order: the --no-newline warning first, then each name's line or its -v error.
    const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
    if (names.length > 1 && noNewline) {
      chunks.push({ stream: 'stderr', text: 'readlink: ignoring --no-newline with multiple arguments\n' });
      noNewline = false;
    }
    let status = 0;
    for (const name of names) {
      let value: string | { errno: string };
      if (mode) value = await canonicalize(env, name, mode);
      else {
        // readlink(2) as spelled: `link/` follows the link (a directory then: EINVAL; a file: ENOTDIR; mountfs.ts).
        const path = name.startsWith('/') ? name : `${env.cwd}/${name}`;
        try {
          const st = await env.fs.lstat(path);
          value = st.isSymbolicLink ? await env.fs.readlink(path) : { errno: 'Invalid argument' };
        } catch (e) {
          value = { errno: strerror(e, busybox) };
        }
      }
      if (typeof value === 'string') chunks.push({ stream: 'stdout', text: value + (noNewline ? '' : nul ? '\0' : '\n') });
      else {
        status = 1;
        // busybox@1_36_1:libbb/xreadlink.c xmalloc_readlink_or_warn: "%s: cannot read link: %s", EINVAL as "not a symlink".
        const why = busybox && !mode ? `cannot read link: ${value.errno === 'Invalid argument' ? 'not a symlink' : value.errno}` : value.errno;
        // busybox's -f (xmalloc_realpath_coreutils) fails without a word, -v or not.
        if (verbose && !(busybox && mode)) chunks.push({ stream: 'stderr', text: `readlink: ${name}: ${why}\n` });
      }
    }
    const text = (stream: 'stdout' | 'stderr') =>
      chunks
        .filter((c) => c.stream === stream)
        .map((c) => c.text)
        .join('');
    return { ...R(text('stdout'), text('stderr'), status), output: chunks };
  },
};
