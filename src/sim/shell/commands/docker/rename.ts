/**
 * `docker rename CONTAINER NEW_NAME`.
 * docker/cli@v27.3.1:cli/command/container/rename.go (prints the daemon's error, then
 * "Error: failed to rename container named OLD"); moby@v27.3.1:daemon/rename.go, daemon/names.go.
 */
import { arity, daemonErr } from './errors.ts';
import { invalidName, VALID_NAME } from '../../../docker/names.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/rename.go
export default defineCommand({
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  aliases: 'docker container rename, docker rename',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 2);
    if (argErr) return argErr;
    const oldName = (rest[0] as string).trim();
    const newName = (rest[1] as string).trim();
    if (!oldName || !newName) return { stdout: '', stderr: 'Error: Neither old nor new names may be empty\n', exitCode: 1 };
    const failed = (msg: string) => ({ stdout: '', stderr: `${daemonErr(msg)}Error: failed to rename container named ${oldName}\n`, exitCode: 1 });
    const c = env.daemon.find(oldName);
    if (!c) return failed(`No such container: ${oldName}`);
    const canonical = newName.startsWith('/') ? newName : `/${newName}`;
    if (`/${c.name}` === canonical) return failed('Renaming a container with the same name as its current name');
    if (!VALID_NAME.test(canonical)) return failed(`Error when allocating new name: ${invalidName(canonical)}`);
    const other = env.daemon.find(canonical.slice(1));
    if (other && other.name === canonical.slice(1))
      return failed(
        `Error when allocating new name: Conflict. The container name "${canonical}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    const old = c.name;
    c.name = canonical.slice(1);
    env.daemon.emitFor(c, 'rename', { oldName: `/${old}` });
    return { stdout: '', stderr: '', exitCode: 0 };
  },
});
