/**
 * The `^C` on the screen when Ctrl-C interrupts a running line. The tty echoes it the moment the key is pressed, where
 * the output stands (Linux drivers/tty/n_tty.c n_tty_receive_signal_char: with ECHO, echo_char, which writes a control
 * character as `^` and its letter under ECHOCTL, stty's default). The newline after it is bash's, once the command
 * died of SIGINT (bash-5.2:jobs.c wait_for, `putchar ('\n')`; sig.c throw_to_top_level, print_newline): when nothing
 * was written after the echo. A program that catches SIGINT and writes on (ping's statistics start with their own
 * newline) gets none.
 */
export class CtrlCEcho {
  /** The line's output length when ^C was last echoed (-1: not pressed). */
  private at = -1;
  private written = 0;

  /** The line writes `text` to the terminal (returned). */
  wrote(text: string): string {
    this.written += text.length;
    return text;
  }

  /** Ctrl-C pressed while the line runs: the echo now. */
  pressed(write: (s: string) => void): void {
    write('^C');
    this.at = this.written;
  }

  /** The line ended: bash's newline after the echo, if nothing followed it; the next line starts afresh. */
  end(write: (s: string) => void): void {
    if (this.at >= 0 && this.at === this.written) write('\r\n');
    this.at = -1;
    this.written = 0;
  }
}
