import { containerLabels } from '../../../docker/container.ts';
import { pruneEvent } from '../../../docker/events.ts';
import type { CmdEnv } from '../../types.ts';
import { defineCommand } from './define.ts';
import { R } from './each.ts';
import type { FilterArgs } from './filters.ts';
import { startPrune } from './prune-start.ts';

// docker/cli@v27.3.1:cli/command/container/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  flags: [
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env, cmd) {
    // prune.go warning.
    const start = startPrune(env, cmd, rest, flags, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?');
    if ('done' in start) return start.done;
    const { filters, prompt } = start;
    const r = pruneContainers(env, filters);
    if ('error' in r) return R(prompt, `Error response from daemon: ${r.error}\n`, 1);
    const list = r.gone.length ? `Deleted Containers:\n${r.gone.map((id) => `${id}\n`).join('')}\n` : '';
    return R(`${prompt}${list}Total reclaimed space: 0B\n`);
  },
});

/**
 * moby@v27.3.1:daemon/prune.go ContainersPrune: the stopped containers created no later than
 * `until` whose labels match `label` and not `label!`; an error is the daemon's text.
 */
export function pruneContainers(env: CmdEnv, filters: FilterArgs): { gone: string[] } | { error: string } {
  const bad = filters.validate(['label', 'label!', 'until']);
  if (bad) return { error: bad };
  const until = filters.until(env.host.clock.nowMs);
  if (until.error) return { error: until.error };
  const gone = [...env.daemon.containers.values()].filter(
    (c) => c.status !== 'running' && !(until.ms !== undefined && c.createdMs > until.ms) && filters.matchLabels(containerLabels(c)),
  );
  for (const c of gone) env.daemon.remove(c);
  pruneEvent(env.daemon, 'container', 0); // ContainersPrune: reclaimed, the removed RW layers' bytes (0, as printed above)
  return { gone: gone.map((c) => c.id) };
}
