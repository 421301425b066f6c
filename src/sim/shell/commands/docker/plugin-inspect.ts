// docker plugin inspect: its cobra definition; what it answers on node1 is said in plugin.ts.
import { arity } from './errors.ts';
import { templated } from './format.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';
import { notFound } from './plugin.ts';

const inspect = defineCommand({
  use: 'inspect [OPTIONS] PLUGIN [PLUGIN...]',
  short: 'Display detailed information on one or more plugins',
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest, _env, cmd) {
    const bad = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    // cli/command/inspect/inspector.go Inspect: every name's error, joined, after the (empty) output.
    return templated([], flags.format as string | undefined, rest.map(notFound).join(''));
  },
});

export default inspect;
