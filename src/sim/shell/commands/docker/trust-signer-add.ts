// docker trust signer add: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { R, notSimulated, validKeyName } from './trust.ts';

export default defineCommand({
  use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ',
  short: 'Add a signer',
  flags: [{ long: 'key', type: 'list', usage: "Path to the signer's public key file" }],
  // signer_add.go addSigner: the signer's name, "releases" reserved, at least one --key.
  run: notSimulated(2, Number.POSITIVE_INFINITY, async (flags, rest) => {
    const name = rest[0] as string;
    if (!validKeyName(name))
      return R('', `signer name "${name}" must start with lowercase alphanumeric characters and can include "-" or "_" after the first character\n`, 1);
    if (name === 'releases') return R('', 'releases is a reserved keyword, use a different signer name\n', 1);
    if (!(flags.key as string[] | undefined)?.length) return R('', 'path to a public key must be provided using the `--key` flag\n', 1);
    return undefined;
  }),
});
