/**
 * node1's buildx CLI plugin (docker/buildx@v0.17.1, found by docker/cli@v27.3.1:cli-plugins/manager in
 * /usr/libexec/docker/cli-plugins): listed as `buildx*`, in docker info, and answering its own commands.
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker buildx', () => {
  it('is in docker --help as a plugin (cli/cobra.go decoratedName), beside the compose plugin (docker-ce-cli Recommends both)', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker --help')).stdout).toContain(
      '\n  builder     Manage builds\n  buildx*     Docker Buildx\n  compose*    Docker Compose\n  container   Manage containers\n',
    );
    expect((await sh(w, 'docker compose version')).stdout).toBe('Docker Compose version v2.29.7\n');
  });

  it('has its file where the CLI looks for plugins', async () => {
    const r = await sh(await world([]), 'ls -l /usr/libexec/docker/cli-plugins/');
    expect(r.stdout).toMatch(/^total 0\n-rwxr-xr-x 1 root root 0 .* docker-buildx\n-rwxr-xr-x 1 root root 0 .* docker-compose\n$/);
  });

  it('docker buildx version prints version.Package, Version and Revision (commands/version.go)', async () => {
    expect((await sh(await world([]), 'docker buildx version')).stdout).toBe('github.com/docker/buildx v0.17.1 257815a\n');
  });

  it('docker buildx ls lists the docker driver’s default builder (commands/ls.go lsDefaultTableFormat, lsIndent)', async () => {
    const r = await sh(await world([]), 'docker buildx ls');
    expect(r.stdout).toBe(
      'NAME/NODE     DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS\n' +
        'default*      docker                                 \n' +
        ' \\_ default    \\_ default       running   v0.16.0    linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/386\n',
    );
  });

  it('docker buildx inspect prints the builder and its node (commands/inspect.go, tabwriter padding 1)', async () => {
    const r = await sh(await world([]), 'docker buildx inspect');
    expect(r.stdout).toBe(
      'Name:   default\nDriver: docker\n\nNodes:\nName:             default\nEndpoint:         default\nStatus:           running\nBuildKit version: v0.16.0\n' +
        'Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/386\nLabels:\n org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1\n',
    );
    expect((await sh(await world([]), 'docker buildx inspect other')).stderr).toBe('ERROR: no builder "other" found\n');
  });

  it('du and prune print their summaries through tabwriter(1, 8, 1, \\t); prune asks first (commands/prune.go)', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker buildx du')).stdout).toBe('Reclaimable:\t0B\nTotal:\t\t0B\n');
    expect((await sh(w, 'docker buildx prune -f')).stdout).toBe('Total:\t0B\n');
    expect((await sh(w, 'echo y | docker buildx prune')).stdout).toBe(
      'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] Total:\t0B\n',
    );
    expect((await sh(w, 'echo n | docker buildx prune -a')).stdout).toBe(
      'WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] ',
    );
  });

  it('its help is the plugin’s: Options with the persistent flags, and buildx’s experimental line', async () => {
    const w = await world([]);
    const root = (await sh(w, 'docker buildx --help')).stdout;
    expect(root.startsWith('\nUsage:  docker buildx [OPTIONS] COMMAND\n\nExtended build capabilities with BuildKit\n\nOptions:\n')).toBe(true);
    expect(root).toContain('\nManagement Commands:\n  imagetools  Commands to work on images in registry\n');
    expect(root).not.toContain('install');
    expect(
      root.endsWith(
        "\nRun 'docker buildx COMMAND --help' for more information on a command.\n\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n",
      ),
    ).toBe(true);
    expect((await sh(w, 'docker buildx ls --help')).stdout).toBe(
      '\nUsage:  docker buildx ls\n\nList builder instances\n\nOptions:\n  -D, --debug           Enable debug logging\n      --format string   Format the output (default "table")\n\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n',
    );
  });

  it('its argument errors are printed by buildx’s main: "ERROR: " and status 1', async () => {
    const r = await sh(await world([]), 'docker buildx version extra');
    expect([r.stderr, r.exitCode]).toEqual([
      'ERROR: "docker buildx version" requires exactly 0 arguments.\nSee \'docker buildx version --help\'.\n\nUsage:  docker buildx version\n\nShow buildx version information\n',
      1,
    ]);
  });
});
