/**
 * The docker client's escape proxy at the prompt of an attached container shell: the detach keys typed in a row
 * detach; a key that breaks the sequence lets the held keys through, then itself. As moby/term's escapeProxy
 * (docker/cli@v27.3.1:vendor/github.com/moby/term/proxy.go), which docker/cli's hijack.go puts on stdin.
 */
export class EscapeKeys {
  private held = '';

  /** Feeds typed data: what goes on to the line editor, and whether the sequence `keys` was completed. */
  feed(data: string, keys: string | undefined): { pass: string; detached: boolean } {
    if (!keys) {
      const pass = this.held + data;
      this.held = '';
      return { pass, detached: false };
    }
    let pass = '';
    for (const ch of data) {
      if (ch === keys[this.held.length]) {
        this.held += ch;
        if (this.held.length === keys.length) {
          this.held = '';
          return { pass, detached: true };
        }
        continue;
      }
      // A partial sequence followed by another key: the held keys go through (proxy.go "prepend a partial escape sequence").
      // The key that broke it is not matched again (proxy.go resets escapeKeyPos to 0 and reads on).
      pass += this.held + ch;
      this.held = '';
    }
    return { pass, detached: false };
  }
}
