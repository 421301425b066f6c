import type { World } from '../../src/sim/index.ts';

/**
 * Runs `line` on a terminal of `rows` x `columns` (80) and presses each key of `keys` when the program waits for one: after a
 * prompt (its clear-to-end-of-line), an error's "(press RETURN)", or a line being typed.
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
      if (/(\x1b\[K|\(press RETURN\)\x1b\[27m|--More--.*|\x1b\[7m[^\x1b]*\x1b\[27m)$/.test(c.text)) {
        screens.push(out);
        const k = keys.shift();
        if (k !== undefined) queueMicrotask(() => onKey?.(k));
      }
    },
  });
  return { ...r, out, screens, claimed: onKey !== undefined };
}
