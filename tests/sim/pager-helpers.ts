import type { World } from '../../src/sim/index.ts';

/** Where less and more wait for a key: a prompt (less's ends in el, more's in rmso, busybox's in "bytes)" or its help line) or a bell. */
const PAGER_WAITS = /(\x1b\[K|\x07|\x1b\[27m|bytes\)|the rest\))$/;

/**
 * Runs `line` on a terminal of `rows` x `columns` (80) and presses each key of `keys` when the program waits for one:
 * when a piece of its output matches `waits` (the pagers' prompts by default; top-interact.test.ts passes top's).
 */
export async function drive(w: World, line: string, keys: string[], rows = 10, columns = 80, waits = PAGER_WAITS) {
  let onKey: ((d: string) => void) | undefined;
  let out = '';
  const screens: string[] = [];
  const r = await w.exec(line, {
    rows,
    columns,
    keyboard: {
      claim(fn) {
        onKey = fn;
        return () => {
          onKey = undefined;
        };
      },
    },
    onOutput: (c) => {
      out += c.text;
      if (c.text !== '\r\x1b[K' && waits.test(c.text)) {
        screens.push(out);
        const k = keys.shift();
        if (k !== undefined) queueMicrotask(() => onKey?.(k));
      }
    },
  });
  return { ...r, out, screens, claimed: onKey !== undefined };
}
