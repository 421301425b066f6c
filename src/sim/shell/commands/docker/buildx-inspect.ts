/**
 * `docker buildx inspect [NAME]` (docker/buildx@v0.17.1:commands/inspect.go runInspect): a docker-container builder of
 * the store (buildx-store.ts) as inactive, its Last Activity from the store; the default builder's report, through
 * tabwriter(0, 0, 1, ' '). No Last Activity (the docker driver's builder has no store entry), no GC
 * policy (moby@v27.3.1:builder/builder-next/controller.go getGCPolicy: only when the daemon's builder GC is enabled,
 * which node1's daemon.json does not do), the worker's one label (builder-next/worker/label: host-gateway-ip, the
 * default bridge's gateway).
 */
import { tabwriter } from '../../kit/tabwriter.ts';
import { R } from './image.ts';
import { bxArity } from './buildx.ts';
import { BUILDKIT_VERSION, PLATFORMS } from './buildx-ls.ts';
import { defineCommand } from './define.ts';
import { bootError, lastActivity, resolve } from './buildx-store.ts';

export default defineCommand({
  use: 'inspect [NAME]',
  short: 'Inspect current builder instance',
  flags: [{ long: 'bootstrap', type: 'bool', usage: 'Ensure builder has booted before inspecting' }],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'max1');
    if (bad) return bad;
    // The persistent --builder comes with the plugin's flags (index.ts merges them); none: the current builder.
    const found = await resolve(env.fs, rest[0] ?? ((flags as Record<string, unknown>).builder as string | undefined));
    if ('error' in found) return R('', `ERROR: ${found.error}\n`, 1);
    const ng = found.ng;
    if (ng) {
      // A docker-container builder: booted first with --bootstrap (its error ends the command).
      if (flags.bootstrap) {
        const boot = await bootError(env);
        if (boot !== undefined) return R('', boot, 1);
      }
      const last = await lastActivity(env.fs, ng.Name);
      const lines = [`Name:\t${ng.Name}`, `Driver:\t${ng.Driver}`];
      // fmt's %v of a time.Time: "2006-01-02 15:04:05 +0000 UTC" (the store keeps whole seconds).
      if (last)
        lines.push(
          `Last Activity:\t${last
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d{3}Z$/, ' +0000 UTC')}`,
        );
      lines.push('', 'Nodes:');
      ng.Nodes.forEach((n, i) => {
        if (i) lines.push('');
        lines.push(`Name:\t${n.Name}`, `Endpoint:\t${n.Endpoint}`);
        const opts = Object.entries(n.DriverOpts ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
        if (opts.length) lines.push(`Driver Options:\t${opts.join(' ')}`);
        // Inactive: no version; the configured platforms only, marked "*" (platformutil.FormatInGroups).
        lines.push('Status:\tinactive');
        if (n.Flags?.length) lines.push(`BuildKit daemon flags:\t${n.Flags.join(' ')}`);
        const platforms = (n.Platforms ?? []).map((p) => `${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}*`);
        if (platforms.length) lines.push(`Platforms:\t${platforms.join(', ')}`);
      });
      return R(tabwriter(`${lines.join('\n')}\n`, 0, 1));
    }
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
