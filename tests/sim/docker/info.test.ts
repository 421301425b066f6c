/**
 * `docker info` as docker/cli@v27.3.1:cli/command/system/info.go prettyPrintInfo prints it, from what moby@v27.3.1's
 * daemon/info.go reports for node1: the overlay2 driver's status pairs, the daemon's plugins, the inactive swarm, the
 * containerd, runc and init commits, no CDI directories (the "cdi" feature is off in 27: cmd/dockerd/daemon.go), and
 * docker-ce's product license ("Community Engine", docker/docker-ce-packaging's DEFAULT_PRODUCT_LICENSE), then an empty line.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('docker info', () => {
  it('prints every line prettyPrintServerInfo prints for node1, in its order, ending with an empty line', async () => {
    const w = createWorld();
    await w.exec('docker run -d --name web nginx');
    const r = await w.exec('docker info');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    // prettyPrintClientInfo's Plugins block: node1's buildx and compose (their metadata, their files' paths), by name.
    expect(lines.slice(0, 19)).toEqual([
      'Client: Docker Engine - Community',
      ' Version:    27.3.1',
      ' Context:    default',
      ' Debug Mode: false',
      ' Plugins:',
      '  buildx: Docker Buildx (Docker Inc.)',
      '    Version:  v0.17.1',
      '    Path:     /usr/libexec/docker/cli-plugins/docker-buildx',
      '  compose: Docker Compose (Docker Inc.)',
      '    Version:  v2.29.7',
      '    Path:     /usr/libexec/docker/cli-plugins/docker-compose',
      '',
      'Server:',
      ' Containers: 1',
      '  Running: 1',
      '  Paused: 0',
      '  Stopped: 0',
      ' Images: 1',
      ' Server Version: 27.3.1',
    ]);
    expect(r.stdout).toContain(
      ' Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n containerd version: 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c\n runc version: v1.1.14-0-g2c9f560\n init version: de40ad0\n Security Options:\n  apparmor\n  seccomp\n   Profile: builtin\n  cgroupns\n Kernel Version: 6.8.0-45-generic\n',
    );
    expect(
      r.stdout.endsWith(
        ' Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n Product License: Community Engine\n\n',
      ),
    ).toBe(true);
    expect(r.stdout).not.toContain('CDI spec directories');
  });

  it('--format sees the same values: no bridge warnings on node1 (br_netfilter loaded), CDISpecDirs empty', async () => {
    const w = createWorld();
    const r = await w.exec("docker info --format '{{.BridgeNfIptables}} {{.BridgeNfIP6tables}} {{json .CDISpecDirs}} {{.ProductLicense}} {{json .Warnings}}'");
    expect(r.stdout).toBe('true true [] Community Engine null\n');
  });
});
