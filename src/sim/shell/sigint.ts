/**
 * Ctrl-C at node1's interactive bash, one foreground command at a time.
 *
 * The terminal sends SIGINT to its foreground process group: the command the shell is waiting for (with job
 * control each job is a group of its own), not the shell. What the shell does next depends on how that command
 * ended (bash-5.2:jobs.c wait_for): when the job was killed by SIGINT (WIFSIGNALED, WTERMSIG == SIGINT) and the
 * shell runs a loop or a list (`loop_level || (shell_compatibility_level > 32 && executing_list)`), it acts as if it
 * got the SIGINT itself (ADDINTERRUPT): the rest of the line is abandoned, `$?` is 128+SIGINT = 130 and bash prints a
 * newline after the `^C` the tty echoed (bash-5.2:sig.c throw_to_top_level: `last_command_exit_value = 128 + SIGINT`,
 * `print_newline`); a command alone gets the same newline (jobs.c: `putchar ('\n')`). A command that catches SIGINT
 * and exits on its own (procps watch and top, iputils ping, the docker client proxying it) is not WIFSIGNALED: the
 * line goes on with its status. Such a program says so by setting Host.caughtSigint before it returns.
 *
 * When no command runs (the shell's own `while :; do :; done`, between commands), the terminal's foreground group is
 * the shell's own and bash gets the SIGINT itself: the line ends (throw_to_top_level). Background jobs (`&`) are in
 * groups of their own and never get it.
 *
 * Each command the shell starts sees `signal` (the current foreground's, plus the line's end); `line` aborts only
 * when the shell abandons the line, and stops just-bash's interpreter at its next statement.
 *
 * The shell's own SIGINT can also come from `kill -INT $$` (commands/kill.ts marks `Proc.interrupted`): an interactive
 * bash's sigint_sighandler sets interrupt_state, and the line is abandoned as the kill builtin returns (sig.c
 * throw_to_top_level). A signal that killed the shell itself (`kill -HUP $$`: an interactive bash ignores only SIGTERM
 * and SIGQUIT, sig.c initialize_terminating_signals / set_signal_handler) ends the line at the next command.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { anySignal } from './line.ts';

export class Foreground {
  /** Aborted when the shell abandons the line (a SIGINT death, or the shell's own SIGINT). */
  readonly line = new AbortController();
  /** What the shell runs sees: aborted by a Ctrl-C while it runs, or when the line ends. */
  signal: AbortSignal;
  private current = new AbortController();
  /** A Ctrl-C the running command got, not yet settled by its end. */
  private pending = false;
  /** The foreground command died of SIGINT: the line ends (at the next checkpoint, or as it stands). */
  abandoned = false;
  /** Commands of the shell running now (commands nested in them count too). */
  private running = 0;

  constructor(
    private readonly host: Host,
    /** The terminal's Ctrl-C (ExecOptions.signal): its abort is the first SIGINT; World.interrupt sends more. */
    keyboard: AbortSignal | undefined,
    /** The line's budget: its end is the line's end. */
    private readonly budget: AbortSignal | undefined,
    /** Called with the new signal when a command caught its SIGINT and the line goes on. */
    private readonly renewed: (signal: AbortSignal) => void,
    /** The shell running the line. */
    private readonly shell?: Proc,
  ) {
    this.signal = this.combine();
    if (keyboard?.aborted) this.interrupt();
    else keyboard?.addEventListener('abort', () => this.interrupt(), { once: true });
  }

  /** The interpreter's signal: the line's end or the budget's. */
  get lineSignal(): AbortSignal {
    return anySignal([this.line.signal, this.budget]);
  }

  private combine(): AbortSignal {
    return anySignal([this.current.signal, this.line.signal, this.budget]);
  }

  /** One Ctrl-C: SIGINT to the foreground command, or to the shell when none runs. */
  interrupt(): void {
    if (this.line.signal.aborted) return;
    if (!this.running) {
      this.line.abort();
      return;
    }
    this.pending = true;
    this.current.abort();
  }

  /** Runs one command the shell started; when the outermost one ends after a Ctrl-C, decides the rest of the line. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      if (!this.running) this.settle();
    }
  }

  /**
   * Before the shell's next command (the interpreter's hook before each one, and the runtime's tick): a SIGINT death
   * abandons the line here. Not when the command ends: just-bash would then drop the result it is handed (its budget
   * refuses output once aborted), which bash's child had written (`sh -c 'echo a; sleep 5'`: the a).
   */
  checkpoint(): void {
    if ((this.abandoned || this.shell?.state === 'Z') && !this.line.signal.aborted) this.line.abort();
    // A script's shell whose trap action ran `exit` stops here, before its next command (traprun.ts runScript).
    const t = this.host.current.trapExit;
    if (t?.status !== undefined && !t.stop.signal.aborted) t.stop.abort();
  }

  private settle(): void {
    if (this.shell?.interrupted) {
      this.shell.interrupted = undefined;
      this.abandoned = true;
    }
    if (!this.pending) return;
    this.pending = false;
    if (this.host.caughtSigint === undefined) {
      // Killed by SIGINT: bash acts as if it got it (ADDINTERRUPT), the line is abandoned before its next command.
      this.abandoned = true;
      return;
    }
    // Caught: an ordinary exit; the next command gets SIGINT from the next Ctrl-C.
    this.host.caughtSigint = undefined;
    this.current = new AbortController();
    this.signal = this.combine();
    this.renewed(this.signal);
  }
}
