/**
 * `CMD > /dev/full`. just-bash refuses the redirection itself ("bash: /dev/full: No space left on device", the
 * command never runs). On Linux the open succeeds and only a write fails with ENOSPC (linux@v6.8:drivers/char/mem.c
 * write_full), so a command that writes nothing succeeds, a bash builtin says `bash: echo: write error: No space
 * left on device` (bash@bash-5.2:builtins/common.c sh_wrerror) and coreutils say `cat: write error: …`
 * (gnulib closeout.c close_stdout). The line's stdout redirections to /dev/full go to a device node just-bash
 * does not know by name (devfs.ts FULL_ALIAS), which reports the failed write with the writing command's name.
 */
import { FULL_ALIAS } from '../fs/devfs.ts';

/** bash's builtins that write to standard output. */
const BUILTINS = new Set([
  'echo',
  'printf',
  'pwd',
  'type',
  'declare',
  'typeset',
  'export',
  'alias',
  'jobs',
  'set',
  'help',
  'history',
  'command',
  'dirs',
  'times',
  'trap',
  'ulimit',
  'umask',
  'hash',
]);

/** The line with `>`/`1>`/`2>`/`>>` /dev/full redirected to the alias, and the commands that write there, in order. */
export function redirectFull(line: string): { line: string; writers: string[] } {
  const writers: string[] = [];
  const re = /(^|[;&|(]\s*|\b(?:then|do|else)\s+)([\w./-]+)([^;&|()]*?)(?<![\d&])([12]?>>?|>\|)(\s*)\/dev\/full(?=$|[\s;&|)])/g;
  const out = line.replace(re, (_m, pre: string, cmd: string, mid: string, op: string, sp: string) => {
    // What fails to go to a full standard error cannot be reported: that writer stays silent.
    writers.push(op.startsWith('2') ? '' : cmd.slice(cmd.lastIndexOf('/') + 1));
    return `${pre}${cmd}${mid}${op}${sp}/dev/${FULL_ALIAS}`;
  });
  return { line: out, writers };
}

/** The message for a failed write to /dev/full by `cmd` (bash and coreutils wording); none for standard error. */
export function fullWriteError(cmd: string | undefined): string {
  if (cmd === '') return '';
  const name = cmd ?? 'echo';
  return BUILTINS.has(name) ? `bash: ${name}: write error: No space left on device\n` : `${name}: write error: No space left on device\n`;
}
