import type { Proc } from './types.ts';

/** Linux x86-64 signal numbers and names. */
export const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  PWR: 30,
  SYS: 31,
};

export const SIGKILL = 9;
export const SIGTERM = 15;
export const SIGINT = 2;
export const SIGSTOP = 19;

/** Parses `TERM`, `SIGTERM`, `sigterm` or `15`; undefined when unknown. */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[name];
}

/** What a fork of a command or an execve keeps of a shell's traps: none (Proc.traps; signal(7): caught signals reset). */
export const UNTRAPPED = { traps: undefined, pendingTraps: undefined } as const;

/**
 * A signal's disposition in `p` before its default action: dropped when set to SIG_IGN (linux@v6.8:kernel/signal.c
 * sig_handler_ignored); a shell's trap marks it pending for the shell to run (Proc.traps); another handler takes it.
 */
export function caught(p: Proc, sig: number): 'ignored' | 'handled' | undefined {
  if (p.ignored?.has(sig)) return 'ignored';
  if (p.traps?.has(sig)) {
    if (!p.pendingTraps?.includes(sig)) p.pendingTraps = [...(p.pendingTraps ?? []), sig].sort((a, b) => a - b);
    return 'handled';
  }
  return p.handlers.has(sig) ? 'handled' : undefined;
}
