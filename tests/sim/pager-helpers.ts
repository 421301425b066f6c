import type { World } from '../../src/sim/index.ts';

/**
 * Runs `line` on a terminal of `rows` x `columns` (80) and presses each key of `keys` when the program waits for one: after a
 * prompt (less's ends in el, more's in rmso, busybox's in "bytes)" or its help line), an error (in standout) or a bell.
 */
export async function drive(w: World, line: string, keys: string[], rows = 10, columns = 80) {
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
      if (c.text !== '\r\x1b[K' && /(\x1b\[K|\x07|\x1b\[27m|bytes\)|the rest\))$/.test(c.text)) {
        screens.push(out);
        const k = keys.shift();
        if (k !== undefined) queueMicrotask(() => onKey?.(k));
      }
    },
  });
  return { ...r, out, screens, claimed: onKey !== undefined };
}
