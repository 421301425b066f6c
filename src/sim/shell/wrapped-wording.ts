/**
 * The errors of just-bash's own commands (wrapped.ts) in the real tools' words, once denied.ts has put strerror's text
 * in the place of "No such file or directory" for the paths the filesystem refused.
 */
import { strerror } from './pathlookup.ts';

/** `stderr` of the wrapped command `name`, worded as coreutils or (`busybox`) busybox 1.36.1 words it. */
export function wrappedWording(name: string, stderr: string, busybox: boolean, args: string[] = []): string {
  const text = rawErrnos(busybox && name === 'rm' ? busyboxRm(stderr) : name === 'cp' || name === 'mv' ? cpMv(name, stderr, busybox, args) : stderr, busybox);
  if (busybox && name === 'cat')
    // busybox@1_36_1:libbb/xfuncs_printf.c open3_or_warn, "can't open '%s'"; a directory opens, and its read fails:
    // libbb/copyfd.c bb_simple_perror_msg(bb_msg_read_error), "read error" (libbb/messages.c).
    return text
      .replace(/^cat: (.*): (No such file or directory|Permission denied|Symbolic link loop|Not a directory)$/gm, "cat: can't open '$1': $2")
      .replace(/^cat: .*: Is a directory$/gm, 'cat: read error: Is a directory');
  if (busybox && name === 'rm') return text.replace(/^rm: cannot remove '(.*)': /gm, "rm: can't remove '$1': ");
  return text;
}

/**
 * The Node-style errno messages just-bash's commands pass on as they are (rm: `cannot remove 'f/': ENOTDIR: not a
 * directory, stat '<path>'`), in strerror's words (pathlookup.ts).
 */
function rawErrnos(stderr: string, busybox: boolean): string {
  if (!stderr.includes(': E')) return stderr;
  return stderr.replace(/\b(?:ENOTDIR|EISDIR|ELOOP): [^,\n]*, \w+ '[^'\n]*'$/gm, (m) => strerror(new Error(m), busybox));
}

/**
 * busybox@1_36_1:libbb/remove_file.c: the lstat that fails for anything but ENOENT is `can't stat '%s'` (`file/`:
 * ENOTDIR); a directory without -r is bb_error_msg("'%s' is a directory", path); the rest `can't remove '%s'`.
 */
function busyboxRm(stderr: string): string {
  return stderr
    .replace(/^rm: cannot remove '(.*)': ((?:ENOTDIR|ELOOP): [^,\n]*, stat '[^'\n]*')$/gm, "rm: can't stat '$1': $2")
    .replace(/^rm: cannot remove '(.*)': Is a directory$/gm, "rm: '$1' is a directory");
}

/**
 * cp and mv of `file/` (its stat is ENOTDIR) and mv of `link/` (rename(2) is ENOTDIR): coreutils@v9.4:src/copy.c
 * `cannot stat %s`, `cannot move %s to %s` (quoteaf); busybox@1_36_1 libbb/copy_file.c `can't stat '%s'`,
 * coreutils/mv.c `can't rename '%s'`. The destination named is the operand when there is one source.
 */
function cpMv(name: 'cp' | 'mv', stderr: string, busybox: boolean, args: string[]): string {
  const operands = args.filter((a) => !a.startsWith('-') || a === '-');
  const to = operands.length === 2 ? ` to '${operands[1]}'` : '';
  return stderr.replace(
    new RegExp(`^${name}: cannot (?:copy|move) '(.*)': ((?:ENOTDIR|ELOOP): [^,\\n]*, (stat|rename) '[^'\\n]*')$`, 'gm'),
    (_line, src: string, raw: string, op: string) =>
      busybox
        ? name === 'mv'
          ? `mv: can't rename '${src}': ${raw}`
          : `cp: can't stat '${src}': ${raw}`
        : op === 'stat'
          ? `${name}: cannot stat '${src}': ${raw}`
          : `mv: cannot move '${src}'${to}: ${raw}`,
  );
}
