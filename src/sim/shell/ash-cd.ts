/**
 * busybox ash's `cd` fails with status 2: cdcmd calls ash_msg_and_raise_perror("can't cd to %s"),
 * and ash_msg_and_raise_error sets exitstatus = 2 before raising EXERROR; evalcommand does not
 * propagate that exception out of a regular (not special) builtin, so the script goes on
 * (busybox@1_36_1:shell/ash.c cdcmd, ash_msg_and_raise_error, evalcommand CMDBUILTIN).
 * just-bash's cd returns bash's 1, so in busybox roots a transform plugin runs each `cd …` as
 * `{ cd …; } || __cc_status 2`, which keeps the message and gives ash's status.
 */
import type * as JB from 'just-bash';

type Node = { type?: string; [k: string]: unknown };

function isCd(n: Node): boolean {
  if (n.type !== 'SimpleCommand') return false;
  const name = n.name as { parts?: { type: string; value?: string }[] } | null;
  const parts = name?.parts ?? [];
  return parts.length === 1 && parts[0]?.type === 'Literal' && parts[0].value === 'cd';
}

/** A copy of the template Group `{ __cd__ || __cc_status 2; }` with `cd` in place of its first command. */
function wrap(template: Node, cd: Node): Node {
  const g = structuredClone(template) as { body: { pipelines: { commands: Node[] }[] }[] };
  const first = g.body[0]?.pipelines[0];
  if (first) first.commands[0] = cd;
  return g as unknown as Node;
}

function walk(node: unknown, template: Node): void {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, template);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'Pipeline' && Array.isArray(n.commands)) {
    n.commands = (n.commands as Node[]).map((c) => {
      if (isCd(c)) return wrap(template, c);
      walk(c, template);
      return c;
    });
    return;
  }
  for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v, template);
}

/** `{ __cd__ || __cc_status 2; }` as a busybox Bash's transform plugins leave it. */
let template: Node | undefined;

/** Registers the plugin on a Bash that runs a busybox root. */
export function ashCdStatus(bash: JB.Bash): void {
  // The same for every busybox Bash and only ever copied (wrap): parsed once.
  template ??= (bash.transform('{ __cd__ || __cc_status 2; }').ast as unknown as { statements: { pipelines: { commands: Node[] }[] }[] }).statements[0]
    ?.pipelines[0]?.commands[0];
  if (!template) return;
  const t = template;
  bash.registerTransformPlugin({
    name: 'ash-cd-status',
    transform: ({ ast }) => {
      walk(ast, t);
      return { ast };
    },
  });
}
