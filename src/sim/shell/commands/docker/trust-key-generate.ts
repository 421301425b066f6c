// docker trust key generate: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { R, notSimulated, validKeyName } from './trust.ts';

export default defineCommand({
  use: 'generate NAME',
  short: 'Generate and load a signing key-pair',
  flags: [{ long: 'dir', type: 'string', usage: 'Directory to generate key in, defaults to current directory' }],
  // key_generate.go validateKeyArgs: the name, the directory (--dir, else the working one), no NAME.pub there yet.
  run: notSimulated(1, 1, async (flags, rest, env) => {
    const name = rest[0] as string;
    if (!validKeyName(name))
      return R('', `key name "${name}" must start with lowercase alphanumeric characters and can include "-" or "_" after the first character\n`, 1);
    const dir = (flags.dir as string | undefined) || env.cwd;
    const abs = env.fs.resolvePath(env.cwd, dir);
    if (!(await env.fs.exists(abs))) return R('', `public key path does not exist: "${dir}"\n`, 1);
    const target = `${dir.replace(/\/+$/, '') || '/'}/${name}.pub`.replace('//', '/');
    if (await env.fs.exists(`${abs.replace(/\/+$/, '')}/${name}.pub`)) return R('', `public key file already exists: "${target}"\n`, 1);
    return undefined;
  }),
});
