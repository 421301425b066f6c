import { SIGNALS } from '../kernel/signals.ts';
import type { Proc } from '../kernel/types.ts';

/**
 * The `sh -c` script shapes that keep a container up (script-timers.ts runs them): a `while true` loop with a sleep in
 * it, and commands around a sleep (`echo ready; sleep 300`, `echo a; sleep 30; echo b`, `sleep 5; echo done`). Anything
 * else runs to completion as a one-shot.
 */
export interface ScriptPlan {
  /**
   * `trap ACTION SIG…` statements the script starts with: each signal's action ('' ignores it). PID 1 then has a handler
   * for it (runc.ts sets Proc.traps), and the action runs when the foreground command it waits for returns
   * (script-timers.ts), as ash's dotrap after the command (busybox@1_36_1:shell/ash.c).
   */
  traps?: Record<number, string>;
  /** Commands run once at the start, before the trailing sleep; `and`: joined by && (a failure ends the script). */
  prelude?: { script: string; and: boolean };
  /** A `while true` loop: its body, and the sleep between passes (before the body when `sleepFirst`). */
  loop?: { body: string; everyMs: number; sleepFirst: boolean };
  /** The first sleep's argument (`300`, `infinity`, `1h`). */
  sleep?: string;
  /** The script after that sleep, run (and planned again) when it ends; none: PID 1 ends with the sleep. */
  then?: string;
}

const CONTROL = /\b(while|until|for|if|case|done|fi|esac|function|exit)\b|[&|]\s*$|(^|[^&<>])&([^&>]|$)/;
const NUM = '(\\d+(?:\\.\\d+)?)';

/**
 * `trap ACTION SIG…;` statements at the start, with a quoted action that expands nothing ('…', or "…" with no $, ` or
 * backslash), then one of the shapes below.
 */
const TRAP = /^\s*trap\s+(?:'([^']*)'|"([^"$`\\]*)")((?:\s+[A-Za-z0-9]+)+)\s*(?:;|\n)/;

/** The plan of a script of one of these shapes, or undefined (the script runs to completion as a one-shot). */
export function scriptPlan(script: string): ScriptPlan | undefined {
  const trap = TRAP.exec(script);
  if (!trap) return shapePlan(script);
  const action = trap[1] ?? trap[2] ?? '';
  const traps: Record<number, string> = {};
  for (const name of (trap[3] as string).trim().split(/\s+/)) {
    const n = /^\d+$/.test(name) ? Number(name) : SIGNALS[name.toUpperCase().replace(/^SIG/, '')];
    // EXIT and the shell's pseudo-signals are not kept for PID 1; a name that is no signal fails `trap` (status 1).
    if (!n || !Object.values(SIGNALS).includes(n)) return undefined;
    traps[n] = action;
  }
  const rest = scriptPlan(script.slice(trap[0].length).trimStart());
  return rest && { ...rest, traps: { ...traps, ...rest.traps } };
}

function shapePlan(script: string): ScriptPlan | undefined {
  const loop = /^\s*while\s+(?:true|:)\s*;?\s*do\s+([\s\S]+?)\s*;?\s*done\s*;?\s*$/.exec(script);
  if (loop) {
    const inner = (loop[1] as string).trim();
    const after = new RegExp(`^([\\s\\S]+?)\\s*(?:;|&&|\\n)\\s*sleep\\s+${NUM}$`).exec(inner);
    const before = new RegExp(`^sleep\\s+${NUM}\\s*(?:;|&&|\\n)\\s*([\\s\\S]+)$`).exec(inner);
    // `while true; do sleep 1; done`: a loop that only sleeps (its body empty).
    const alone = new RegExp(`^sleep\\s+${NUM}$`).exec(inner);
    const body = alone ? '' : after ? (after[1] as string) : before ? (before[2] as string) : undefined;
    const secs = Number(alone ? alone[1] : after ? after[2] : before?.[1]);
    if (body === undefined || CONTROL.test(body) || !(secs > 0)) return undefined;
    return { loop: { body, everyMs: secs * 1000, sleepFirst: !after && !alone } };
  }
  // The first sleep that is a whole command of the list. What comes before it runs as a pass of its own, so it must
  // leave no state the rest would read (a variable, a directory, a function) and hold no quote open.
  const seq = /^(?:([\s\S]+?)\s*(;|&&|\n)\s*)??sleep\s+([^\s;&|]+)\s*(?:(?:;|&&|\n)\s*([\s\S]*?))?\s*;?\s*$/.exec(script);
  if (!seq) return undefined;
  const [, before, sep, sleep, after] = seq as unknown as [string, string | undefined, string | undefined, string, string | undefined];
  if (before !== undefined && (CONTROL.test(before) || STATE.test(before) || SLEEP.test(before) || !closed(before))) return undefined;
  const then = after?.trim() || undefined;
  // What follows runs when the sleep ends: a shape of its own (a loop, another sleep), or a list run to its end that
  // ends PID 1 with its status (`exit 3` included), as long as no sleep hides inside it.
  if (then !== undefined && !closed(then)) return undefined;
  if (then !== undefined && !scriptPlan(then) && SLEEP.test(then)) return undefined;
  return { ...(before !== undefined && { prelude: { script: before, and: sep === '&&' } }), sleep, ...(then !== undefined && { then }) };
}

/** A sleep run as a command of its own (in a list, a subshell, a pipeline). */
const SLEEP = /(^|[\s;&|(])sleep\s/;

/** Commands whose effect the next pass would need: assignments, cd, exports, functions, shell options. */
const STATE = /(^|[\s;&|(])([A-Za-z_]\w*=|(cd|export|set|unset|alias|local|readonly|source|shift|trap|umask|\.)(\s|$))|\(\s*\)/;

/** No quote is left open (a `;` or `sleep` inside quotes is not the list's). */
function closed(s: string): boolean {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '\\') i++;
    else if (ch === "'" || ch === '"') quote = ch;
  }
  return quote === '';
}

/** PID 1's dispositions from the plan's traps: a handler for each action, SIG_IGN for '' (Proc.traps, Proc.ignored). */
export function dispositions(traps: Record<number, string> | undefined): Pick<Proc, 'traps' | 'ignored'> {
  const entries = Object.entries(traps ?? {}).map(([n, a]) => [Number(n), a] as const);
  const caught = entries.filter(([, a]) => a !== '');
  const ignored = entries.filter(([, a]) => a === '').map(([n]) => n);
  return { ...(caught.length && { traps: new Map(caught) }), ...(ignored.length && { ignored: new Set(ignored) }) };
}
