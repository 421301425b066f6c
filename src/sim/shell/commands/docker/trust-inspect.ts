// docker trust inspect: its cobra definition; what it answers on node1 is said in trust.ts.
import { arity } from './errors.ts';
import { templated } from './format.ts';
import { defineCommand } from './define.ts';
import { R, lookup } from './trust.ts';

const inspect = defineCommand({
  use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
  short: 'Return low-level information about keys and signatures',
  flags: [{ long: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }],
  async run(flags, rest, _env, cmd) {
    const bad = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    // inspect.go runInspect: --pretty stops at the first error; otherwise inspect.Inspect prints "[]" and every error.
    if (flags.pretty) return R('', `${lookup(rest[0] as string)}\n`, 1);
    return templated([], undefined, rest.map((r) => `${lookup(r)}\n`).join(''));
  },
});

export default inspect;
