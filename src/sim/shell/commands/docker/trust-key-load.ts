// docker trust key load: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { R, notSimulated, validKeyName } from './trust.ts';

export default defineCommand({
  use: 'load [OPTIONS] KEYFILE',
  short: 'Load a private key file for signing',
  flags: [{ long: 'name', type: 'string', default: 'signer', usage: 'Name for the loaded key' }],
  // key_load.go loadPrivKey: the --name, "Loading key from …", getPrivKeyBytesFromPath (stat, no access for others),
  // then tufutils.ExtractPrivateKeyAttributes (a PEM private key).
  run: notSimulated(1, 1, async (flags, rest, env) => {
    const name = flags.name as string | undefined;
    if (name !== undefined && name !== '' && !validKeyName(name))
      return R('', `key name "${name}" must start with lowercase alphanumeric characters and can include "-" or "_" after the first character\n`, 1);
    const path = rest[0] as string;
    const loading = `Loading key from "${path}"...\n`;
    const abs = env.fs.resolvePath(env.cwd, path);
    const st = await env.fs.stat(abs).catch(() => undefined);
    if (!st) return R(loading, `refusing to load key from ${path}: stat ${path}: no such file or directory\n`, 1);
    if (st.mode & 0o077) return R(loading, `refusing to load key from ${path}: private key file ${path} must not be readable or writable by others\n`, 1);
    const text = st.isDirectory ? '' : await env.fs.readFile(abs);
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
      return R(
        loading,
        `error importing key from ${path}: provided file ${path} is not a supported private key - to add a signer's public key use docker trust signer add\n`,
        1,
      );
    return undefined;
  }),
});
