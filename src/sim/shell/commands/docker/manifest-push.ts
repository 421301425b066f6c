// docker manifest push: its cobra definition; what it answers on node1 is said in manifest.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, INSECURE, noList } from './manifest.ts';

const push = defineCommand({
  use: 'push [OPTIONS] MANIFEST_LIST',
  short: 'Push a manifest list to a repository',
  flags: [
    { long: 'purge', short: 'p', type: 'bool', usage: 'Remove the local manifest list after push' },
    { ...INSECURE, usage: 'Allow push to an insecure registry' },
  ],
  async run(_f, rest, _env, cmd) {
    return arity(cmd, rest.length, 1) ?? R('', `${noList(rest[0] as string)}\n`, 1);
  },
});

export default push;
