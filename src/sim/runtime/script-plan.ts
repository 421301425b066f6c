/**
 * The two `sh -c` script shapes that keep a container up (docker/loops.ts runs them): a `while true` loop with a
 * sleep in it, and commands followed by a trailing sleep. Anything else runs to completion as a one-shot.
 */
export interface ScriptPlan {
  /** Commands run once at the start, before the trailing sleep; `and`: joined by && (a failure ends the script). */
  prelude?: { script: string; and: boolean };
  /** A `while true` loop: its body, and the sleep between passes (before the body when `sleepFirst`). */
  loop?: { body: string; everyMs: number; sleepFirst: boolean };
  /** The trailing sleep's argument (`300`, `infinity`, `1h`). */
  sleep?: string;
}

const CONTROL = /\b(while|until|for|if|case|done|fi|esac|function|exit)\b|[&|]\s*$|(^|[^&<>])&([^&>]|$)/;
const NUM = '(\\d+(?:\\.\\d+)?)';

/** The plan of a script of one of the two shapes, or undefined (the script runs to completion). */
export function scriptPlan(script: string): ScriptPlan | undefined {
  const loop = /^\s*while\s+(?:true|:)\s*;?\s*do\s+([\s\S]+?)\s*;?\s*done\s*;?\s*$/.exec(script);
  if (loop) {
    const inner = (loop[1] as string).trim();
    const after = new RegExp(`^([\\s\\S]+?)\\s*(?:;|&&|\\n)\\s*sleep\\s+${NUM}$`).exec(inner);
    const before = new RegExp(`^sleep\\s+${NUM}\\s*(?:;|&&|\\n)\\s*([\\s\\S]+)$`).exec(inner);
    const body = after ? (after[1] as string) : before ? (before[2] as string) : undefined;
    const secs = Number(after ? after[2] : before?.[1]);
    if (body === undefined || CONTROL.test(body) || !(secs > 0)) return undefined;
    return { loop: { body, everyMs: secs * 1000, sleepFirst: !after } };
  }
  const tail = /^([\s\S]+?)\s*(;|&&|\n)\s*sleep\s+(\S+)\s*$/.exec(script);
  if (!tail || CONTROL.test(tail[1] as string)) return undefined;
  return { prelude: { script: tail[1] as string, and: tail[2] === '&&' }, sleep: tail[3] as string };
}
