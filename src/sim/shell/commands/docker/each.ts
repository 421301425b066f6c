/** Helpers the container commands share (kit: no subcommand here). */
import type { ExecResult } from '../../../api.ts';
import type { Container } from '../../../docker/container.ts';
import type { CmdEnv } from '../../types.ts';
import { argsError } from './errors.ts';
import type { Invocation } from './define.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const noSuch = (ref: string) => `Error response from daemon: No such container: ${ref}\n`;

/** docker/cli@v27.3.1:cli/required.go RequiresMinArgs / ExactArgs, for the path the command was reached by. */
export const needArgs = (cmd: Invocation, kind: 'at least' | 'exactly', n = 1): ExecResult =>
  argsError(cmd.path, kind, n, cmd.useLine.slice(cmd.path.length + 1), cmd.short);

/** Applies `fn` to each named container, printing the name on success (stop, kill, start, rm …). */
export async function each(env: CmdEnv, refs: string[], fn: (c: Container) => Promise<string | undefined>): Promise<ExecResult> {
  let out = '';
  let err = '';
  for (const ref of refs) {
    const c = env.daemon.find(ref);
    if (!c) {
      err += noSuch(ref);
      continue;
    }
    const e = await fn(c);
    if (e) err += e;
    else out += `${ref}\n`;
  }
  return R(out, err, err ? 1 : 0);
}

/**
 * runc's freezer on cgroup v2 (cgroup.freeze ← 1 or 0) under the container's scope, then moby's State.Paused and
 * its `pause` or `unpause` event (moby@v27.3.1:daemon/pause.go, daemon/unpause.go). Returns no error, for each().
 */
export function freeze(env: CmdEnv, c: Container, paused: boolean): undefined {
  const cg = env.host.kernel.cgroups.get(`/system.slice/docker-${c.id}.scope`);
  if (cg) cg.frozen = paused ? 1 : 0;
  c.paused = paused;
  env.daemon.emitFor(c, paused ? 'pause' : 'unpause');
  return undefined;
}
