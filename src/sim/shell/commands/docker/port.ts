import { arity } from './errors.ts';
import { hostAddr } from '../../../net/ports.ts';
import { R } from './network.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/port.go
/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`. */
export default defineCommand({
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  aliases: 'docker container port, docker port',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, 2);
    if (argErr) return argErr;
    const c = env.daemon.find(rest[0] as string);
    if (!c) return R('', `Error response from daemon: No such container: ${rest[0]}\n`, 1);
    const want = rest[1];
    if (want !== undefined) {
      const key = want.includes('/') ? want : `${want}/tcp`;
      const hits = c.ports.filter((b) => `${b.containerPort}/${b.proto}` === key);
      if (!hits.length) return R('', `Error: No public port '${key}' published for ${rest[0]}\n`, 1);
      return R(hits.map((b) => `${hostAddr(b)}\n`).join(''));
    }
    return R(c.ports.map((b) => `${b.containerPort}/${b.proto} -> ${hostAddr(b)}\n`).join(''));
  },
});
