/**
 * The host shell's job table (bash 5.2 with job control, interactive): jobs started with `&`,
 * the current (`+`) and previous (`-`) job, the lines `jobs` and the Done notices print, and
 * job specs (`%1`, `%+`, `%-`, `%sleep`, `%?30`). Pure bookkeeping over the kernel's processes;
 * background.ts starts jobs, commands/jobs.ts holds the builtins.
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Proc } from '../kernel/types.ts';

/** glibc's strsignal(3) texts (glibc@glibc-2.39:sysdeps/generic/siglist.h), which bash prints for a job a signal ended. */
export const SIGNAL_TEXT: Record<number, string> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  4: 'Illegal instruction',
  5: 'Trace/breakpoint trap',
  6: 'Aborted',
  7: 'Bus error',
  8: 'Floating point exception',
  9: 'Killed',
  10: 'User defined signal 1',
  11: 'Segmentation fault',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
  16: 'Stack fault',
  17: 'Child exited',
  18: 'Continued',
  19: 'Stopped (signal)',
  20: 'Stopped',
  21: 'Stopped (tty input)',
  22: 'Stopped (tty output)',
  23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded',
  25: 'File size limit exceeded',
  26: 'Virtual timer expired',
  27: 'Profiling timer expired',
  28: 'Window changed',
  29: 'I/O possible',
  30: 'Power failure',
  31: 'Bad system call',
};

/** bash-5.2:jobs.h LONGEST_SIGNAL_DESC: the status column's width. */
const LONGEST_SIGNAL_DESC = 24;

export interface Job {
  /** The job number (`%1`). */
  id: number;
  /** The job's process (bash's process group leader; one process per job here). */
  proc: Proc;
  /** The command as bash prints it (make_command_string), without ` &`. */
  text: string;
  /** The working directory the job started in. */
  wd: string;
  /** The user has seen its last change of state (J_NOTIFIED). */
  notified: boolean;
  /** Ended by the line that is running (at once, or by `kill %N`): its notice waits for the next prompt but one. */
  hold: boolean;
  /** Brought to the foreground by `fg`. */
  foreground: boolean;
}

export type JobFormat = 'standard' | 'long' | 'pid';

export class JobTable {
  readonly jobs: Job[] = [];
  private current: Job | undefined;
  private previous: Job | undefined;
  /** `$!`: the PID of the last job started in the background (0 before any). */
  lastPid = 0;
  /** Exit statuses of background PIDs whose jobs are gone (bash's bgpids list, for `wait PID`). */
  readonly bgStatuses = new Map<number, number>();

  constructor(kernel: Kernel) {
    // bash reaps its children as soon as SIGCHLD arrives: a finished job leaves no zombie.
    kernel.onExit.push((p) => {
      if (this.jobs.some((j) => j.proc === p)) kernel.procs.delete(p.pid);
    });
  }

  static running(j: Job): boolean {
    return j.proc.state !== 'Z';
  }

  /** Adds a job started with `&` (bash-5.2:jobs.c stop_pipeline: a new job after the highest in use, then reset_current). */
  add(proc: Proc, text: string, wd: string): Job {
    const id = this.jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
    const job: Job = { id, proc, text, wd, notified: false, hold: false, foreground: false };
    this.jobs.push(job);
    this.lastPid = proc.pid;
    this.resetCurrent();
    return job;
  }

  /** bash-5.2:jobs.c set_current_job (no stopped jobs here: the previous job is the newest running one older than the current). */
  setCurrent(job: Job): void {
    if (this.current !== job) {
      this.previous = this.current;
      this.current = job;
    }
    const older = JobTable.running(job) ? this.jobs.filter((j) => j.id < job.id) : this.jobs;
    this.previous = [...older].reverse().find(JobTable.running) ?? job;
  }

  /** bash-5.2:jobs.c reset_current: the newest running job becomes current. */
  private resetCurrent(): void {
    const newest = [...this.jobs].reverse().find(JobTable.running);
    if (newest) this.setCurrent(newest);
    else this.current = this.previous = undefined;
  }

  delete(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i < 0) return;
    this.jobs.splice(i, 1);
    this.bgStatuses.set(job.proc.pid, job.proc.exitStatus ?? 0);
    if (job === this.current || job === this.previous) this.resetCurrent();
  }

  /** bash-5.2:jobs.c cleanup_dead_jobs: jobs that ended and were reported leave the table. */
  cleanup(): void {
    for (const j of [...this.jobs]) if (!JobTable.running(j) && j.notified) this.delete(j);
  }

  /** bash-5.2:jobs.c printable_job_status. */
  static status(j: Job): string {
    const p = j.proc;
    if (p.state === 'T') return 'Stopped';
    if (JobTable.running(j)) return 'Running';
    if (p.killedBy) return SIGNAL_TEXT[p.killedBy] ?? `Signal ${p.killedBy}`;
    const es = p.exitStatus ?? 0;
    return es === 0 ? 'Done' : `Exit ${es}`;
  }

  /**
   * One job as bash-5.2:jobs.c pretty_print_job / print_pipeline print it: `[1]+  Running                 sleep 30 &`
   * (JLIST_STANDARD), `[1]+  2051 Running …` (JLIST_LONG) or the PID alone. A finished job is then notified.
   */
  line(j: Job, format: JobFormat, cwd: string, home: string | undefined): string {
    // The end of a job shown as running is still news (waitchld clears J_NOTIFIED when the status changes).
    if (!JobTable.running(j)) j.notified = true;
    if (format === 'pid') return `${j.proc.pid}\n`;
    const mark = j === this.current ? '+' : j === this.previous ? '-' : ' ';
    const status = JobTable.status(j);
    let s = `[${j.id}]${mark} ${format === 'long' ? String(j.proc.pid).padStart(5) : ''} ${status}${' '.repeat(Math.max(0, LONGEST_SIGNAL_DESC - status.length))}${j.text}`;
    if (JobTable.running(j) && !j.foreground) s += ' &';
    if (j.wd !== cwd) s += `  (wd: ${polite(j.wd, home)})`;
    return `${s}\n`;
  }

  /**
   * bash-5.2:jobs.c notify_of_job_status: the jobs that ended since the user last heard, on stderr
   * before the next prompt (`[1]+  Done                    sleep 30`, then `(wd now: …)` when the
   * shell moved). A foreground job (fg) is reported only when a signal other than SIGINT ended it.
   */
  notices(cwd: string, home: string | undefined, includeHeld = false): string {
    let out = '';
    for (const j of this.jobs) {
      if (JobTable.running(j) || j.notified || (j.hold && !includeHeld)) continue;
      if (j.foreground) {
        const sig = j.proc.killedBy;
        if (sig && sig !== 2) out += `${SIGNAL_TEXT[sig] ?? `Signal ${sig}`}\n`;
        j.notified = true;
        continue;
      }
      out += this.line(j, 'standard', cwd, home);
      if (j.wd !== cwd) out += `(wd now: ${polite(cwd, home)})\n`;
    }
    this.cleanup();
    return out;
  }

  /** The notices due before the prompt that follows a line; jobs the line itself ended are told after the next one. */
  endOfLine(cwd: string, home: string | undefined): string {
    const out = this.notices(cwd, home);
    for (const j of this.jobs) j.hold = false;
    return out;
  }

  /**
   * A job spec as bash-5.2:builtins/common.c get_job_spec reads it: none, `%%`, `%+` the current job,
   * `%-` the previous, `%N` or `N` job N, `%?text` the job whose command contains text, `%text` the
   * one that starts with it. 'ambiguous' when several match.
   */
  find(spec: string | undefined): Job | undefined | 'ambiguous' {
    if (spec === undefined) return this.current;
    const w = spec.startsWith('%') ? spec.slice(1) : spec;
    if (w === '' || w === '%' || w === '+') return this.current;
    if (w === '-') return this.previous;
    if (/^\d+$/.test(w)) return this.jobs.find((j) => j.id === Number(w));
    const hits = w.startsWith('?') ? this.jobs.filter((j) => j.text.includes(w.slice(1))) : this.jobs.filter((j) => j.text.startsWith(w));
    return hits.length > 1 ? 'ambiguous' : hits[0];
  }

  /** The job whose process is `pid`. */
  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.proc.pid === pid);
  }
}

/** bash's polite_directory_format: $HOME at the start becomes `~`. */
export function polite(dir: string, home: string | undefined): string {
  if (home && home.length > 1 && (dir === home || dir.startsWith(`${home}/`))) return `~${dir.slice(home.length)}`;
  return dir;
}
