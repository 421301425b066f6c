// docker manifest create: its cobra definition; what it answers on node1 is said in manifest.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, INSECURE } from './manifest.ts';

const create = defineCommand({
  use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
  short: 'Create a local manifest list for annotating and pushing to a registry',
  flags: [INSECURE, { long: 'amend', short: 'a', type: 'bool', usage: 'Amend an existing manifest list' }],
  async run(_f, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 2, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    env.note?.({
      en: 'docker manifest create is not simulated: node1 keeps no local manifest lists.',
      zh: '这里不模拟 docker manifest create：node1 不保存本地 manifest list。',
    });
    return R('', '', 1);
  },
});

export default create;
