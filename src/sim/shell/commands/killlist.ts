import type { ExecResult } from '../../api.ts';
import { SIGNALS } from '../../kernel/signals.ts';

/**
 * bash's signal names on Linux x86-64 (NSIG 65): 1–31 from the C library, 32 and 33 are
 * SIGJUNK (glibc keeps them) and are skipped, 34–64 are SIGRTMIN+n / SIGRTMAX-n
 * (bash-5.2:support/signames.c).
 */
export function bashSignalName(n: number): string | undefined {
  for (const [k, v] of Object.entries(SIGNALS)) if (v === n) return `SIG${k}`;
  if (n < 34 || n > 64) return undefined;
  if (n === 34) return 'SIGRTMIN';
  if (n === 64) return 'SIGRTMAX';
  return n <= 49 ? `SIGRTMIN+${n - 34}` : `SIGRTMAX-${64 - n}`;
}

/**
 * `kill -l [sig…]` as bash's display_signal_list prints it (bash-5.2:builtins/common.c):
 * "%2d) %s" five to a line, tab-separated; a number above 128 is an exit status (137 → KILL).
 */
export function killList(args: string[], shell: 'bash' | 'sh'): ExecResult {
  if (!args.length) {
    let out = '';
    let column = 0;
    for (let i = 1; i < 65; i++) {
      const name = bashSignalName(i);
      if (!name) continue;
      out += `${String(i).padStart(2)}) ${name}`;
      if (++column < 5) out += '\t';
      else {
        out += '\n';
        column = 0;
      }
    }
    if (column !== 0) out += '\n';
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const word of args) {
    // builtin_error: "bash: kill: %s: invalid signal specification" (sh_invalidsig).
    const bad = () => {
      stderr += `${shell}: kill: ${word}: invalid signal specification\n`;
      exitCode = 1;
    };
    if (/^-?\d+$/.test(word)) {
      let n = Number(word);
      if (n > 128) n -= 128;
      const name = n > 0 ? bashSignalName(n) : undefined;
      if (n === 0) stdout += 'T\n'.replace('T', 'EXIT');
      else if (!name) bad();
      else stdout += `${name.slice(3)}\n`;
    } else {
      const upper = word.toUpperCase().replace(/^SIG/, '');
      let found: number | undefined;
      for (let i = 1; i < 65; i++) if (bashSignalName(i) === `SIG${upper}`) found = i;
      if (found === undefined) bad();
      else stdout += `${found}\n`;
    }
  }
  return { stdout, stderr, exitCode };
}
