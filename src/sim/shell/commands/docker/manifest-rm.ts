// docker manifest rm: its cobra definition; what it answers on node1 is said in manifest.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, noList } from './manifest.ts';

const rm = defineCommand({
  use: 'rm MANIFEST_LIST [MANIFEST_LIST...]',
  short: 'Delete one or more manifest lists from local storage',
  flags: [],
  async run(_f, rest, _env, cmd) {
    // rm.go runRm: every list's error, one a line.
    return arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY) ?? R('', `${rest.map(noList).join('\n')}\n`, 1);
  },
});

export default rm;
