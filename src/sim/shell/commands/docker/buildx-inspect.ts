/**
 * `docker buildx inspect [NAME]` (docker/buildx@v0.17.1:commands/inspect.go runInspect): the default builder's
 * report through tabwriter(0, 0, 1, ' '). No Last Activity (the docker driver's builder has no store entry), no GC
 * policy (moby@v27.3.1:builder/builder-next/controller.go getGCPolicy: only when the daemon's builder GC is enabled,
 * which node1's daemon.json does not do), the worker's one label (builder-next/worker/label: host-gateway-ip, the
 * default bridge's gateway).
 */
import { tabwriter } from '../../kit/tabwriter.ts';
import { R } from './image.ts';
import { bxArity } from './buildx.ts';
import { BUILDKIT_VERSION, PLATFORMS } from './buildx-ls.ts';
import { defineCommand } from './define.ts';

export default defineCommand({
  use: 'inspect [NAME]',
  short: 'Inspect current builder instance',
  flags: [{ long: 'bootstrap', type: 'bool', usage: 'Ensure builder has booted before inspecting' }],
  async run(flags, rest, _env, cmd) {
    const bad = bxArity(cmd, rest.length, 'max1');
    if (bad) return bad;
    // The persistent --builder comes with the plugin's flags (index.ts merges them).
    const name = rest[0] ?? ((flags as Record<string, unknown>).builder as string | undefined) ?? 'default';
    // builder.New: a name that is neither an instance nor a context (store/storeutil GetNodeGroup).
    if (name !== 'default') return R('', `ERROR: no builder ${JSON.stringify(name)} found\n`, 1);
    const text = [
      'Name:\tdefault',
      'Driver:\tdocker',
      '',
      'Nodes:',
      'Name:\tdefault',
      'Endpoint:\tdefault',
      'Status:\trunning',
      `BuildKit version:\t${BUILDKIT_VERSION}`,
      `Platforms:\t${PLATFORMS.join(', ')}`,
      'Labels:',
      '\torg.mobyproject.buildkit.worker.moby.host-gateway-ip:\t172.17.0.1',
      '',
    ].join('\n');
    return R(tabwriter(text, 0, 1));
  },
});
