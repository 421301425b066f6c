import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

const insp = async (w: Awaited<ReturnType<typeof world>>, tpl: string, c: string) => (await sh(w, `docker inspect -f '${tpl}' ${c}`)).stdout;

describe('docker run: the options the simulator records in HostConfig and Config', () => {
  it('resource, device and DNS options land in inspect as moby stores them', async () => {
    const w = await world(['alpine']);
    const r = await sh(
      w,
      'docker run -d --name rec --blkio-weight 500 --ulimit nofile=1024:2048 --ulimit nproc=64 --memory-reservation 20m --shm-size 128m --dns 8.8.8.8 --dns-search example.com --add-host db=10.0.0.5 --group-add audio --cpuset-mems 0 --oom-score-adj 100 --device-read-bps /dev/sda:1mb --device /dev/fuse --annotation a=b --cgroupns host alpine sleep 100',
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(
      await insp(
        w,
        '{{.HostConfig.BlkioWeight}} {{.HostConfig.ShmSize}} {{.HostConfig.MemoryReservation}} {{.HostConfig.OomScoreAdj}} {{.HostConfig.CpusetMems}} {{.HostConfig.CgroupnsMode}}',
        'rec',
      ),
    ).toBe('500 134217728 20971520 100 0 host\n');
    expect(await insp(w, '{{json .HostConfig.Ulimits}}', 'rec')).toBe('[{"Name":"nofile","Hard":2048,"Soft":1024},{"Name":"nproc","Hard":64,"Soft":64}]\n');
    expect(await insp(w, '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.ExtraHosts}} {{json .HostConfig.GroupAdd}}', 'rec')).toBe(
      '["8.8.8.8"] ["example.com"] ["db:10.0.0.5"] ["audio"]\n',
    );
    expect(await insp(w, '{{json .HostConfig.BlkioDeviceReadBps}} {{json .HostConfig.Devices}} {{json .HostConfig.Annotations}}', 'rec')).toBe(
      '[{"Path":"/dev/sda","Rate":1048576}] [{"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"}] {"a":"b"}\n',
    );
  });

  it('--expose, --label-file, --mac-address, --domainname and health options land in Config', async () => {
    const w = await world(['alpine']);
    await sh(w, "printf 'team=core\\n# comment\\ntier=db\\n' > labels");
    const r = await sh(
      w,
      "docker create --name cfg --expose 8000-8001/udp --expose 9000 --label-file labels --label tier=web --mac-address 02:42:ac:11:00:09 --domainname example.org --health-cmd 'true' --health-interval 5s alpine",
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await insp(w, '{{json .Config.ExposedPorts}}', 'cfg')).toBe('{"8000/udp":{},"8001/udp":{},"9000/tcp":{}}\n');
    expect(await insp(w, '{{json .Config.Labels}}', 'cfg')).toBe('{"team":"core","tier":"web"}\n');
    expect(await insp(w, '{{.Config.MacAddress}} {{.Config.Domainname}} {{json .Config.Healthcheck.Test}} {{.Config.Healthcheck.Interval}}', 'cfg')).toBe(
      '02:42:ac:11:00:09 example.org ["CMD-SHELL","true"] 5000000000\n',
    );
  });

  it('--cidfile writes the ID and refuses an existing file; --quiet drops the pull output', async () => {
    const w = await world(['alpine']);
    const r = await sh(w, 'docker run -d --cidfile /tmp/cid alpine sleep 100');
    expect((await sh(w, 'cat /tmp/cid')).stdout).toBe(r.stdout.trim());
    const again = await sh(w, 'docker run -d --cidfile /tmp/cid alpine sleep 100');
    expect(again.stderr).toBe("docker: container ID file found, make sure the other container isn't running or delete /tmp/cid.\nSee 'docker run --help'.\n");
    expect(again.exitCode).toBe(125);
    const c = await sh(w, 'docker create --cidfile /tmp/cid alpine');
    expect(c.stderr).toBe("container ID file found, make sure the other container isn't running or delete /tmp/cid\n");
    expect(c.exitCode).toBe(1);
    const q = await sh(w, 'docker run -q --rm busybox echo hi');
    expect(q.out).toBe('hi\n');
  });

  it("docker/cli's client checks: reportError's wording, status 125", async () => {
    const w = await world(['alpine']);
    const cases: [string, string][] = [
      [
        'docker run --pull sometimes alpine',
        `docker: invalid pull option: 'sometimes': must be one of "always", "missing" or "never".\nSee 'docker run --help'.\n`,
      ],
      ['docker create --mac-address 12:34 alpine', "docker: 12:34 is not a valid mac address.\nSee 'docker create --help'.\n"],
      ['docker run --memory-swappiness 200 alpine', "docker: invalid value: 200. Valid memory swappiness range is 0-100.\nSee 'docker run --help'.\n"],
      ['docker run --userns private alpine', "docker: --userns: invalid USER mode.\nSee 'docker run --help'.\n"],
      ['docker run --no-healthcheck --health-cmd true alpine', "docker: --no-healthcheck conflicts with --health-* options.\nSee 'docker run --help'.\n"],
      ['docker run --storage-opt size alpine', "docker: invalid storage option.\nSee 'docker run --help'.\n"],
      ['docker run --network-alias db alpine', "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.\n"],
      [
        'docker run --dns 1.2.3 alpine',
        'invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3\nSee \'docker run --help\'.\n',
      ],
      [
        'docker run --add-host nohost alpine',
        'invalid argument "nohost" for "--add-host" flag: bad format for add-host: "nohost"\nSee \'docker run --help\'.\n',
      ],
      [
        'docker run --device-read-bps sda:1mb alpine',
        'invalid argument "sda:1mb" for "--device-read-bps" flag: bad format for device path: sda:1mb\nSee \'docker run --help\'.\n',
      ],
      [
        'docker run --ulimit nofile=20:10 alpine',
        'invalid argument "nofile=20:10" for "--ulimit" flag: ulimit soft limit must be less than or equal to hard limit: 20 > 10\nSee \'docker run --help\'.\n',
      ],
      ['docker run --ulimit bogus=1 alpine', 'invalid argument "bogus=1" for "--ulimit" flag: invalid ulimit type: bogus\nSee \'docker run --help\'.\n'],
      ['docker run --cpus 0.0000000001 alpine', 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise\nSee \'docker run --help\'.\n'],
      ['docker run -m 100x alpine', 'invalid argument "100x" for "-m, --memory" flag: invalid suffix: \'x\'\nSee \'docker run --help\'.\n'],
    ];
    for (const [line, err] of cases) {
      const r = await sh(w, line);
      expect(r.stderr, line).toBe(err);
      expect(r.exitCode, line).toBe(125);
    }
  });

  it("moby's checks on a cgroup v2 host: errors, and warnings for what it discards", async () => {
    const w = await world(['alpine']);
    const err = async (line: string) => (await sh(w, line)).stderr;
    expect(await err('docker run --blkio-weight 5 alpine')).toBe(
      "docker: Error response from daemon: Range of blkio weight is from 10 to 1000.\nSee 'docker run --help'.\n",
    );
    expect(await err('docker run --memory-reservation 1m alpine')).toBe(
      "docker: Error response from daemon: Minimum memory reservation allowed is 6MB.\nSee 'docker run --help'.\n",
    );
    expect(await err('docker run -m 10m --memory-reservation 20m alpine')).toBe(
      "docker: Error response from daemon: Minimum memory limit can not be less than memory reservation limit, see usage.\nSee 'docker run --help'.\n",
    );
    expect(await err('docker run --cpuset-mems 1 alpine')).toBe(
      "docker: Error response from daemon: Requested memory nodes are not available - requested 1, available: 0.\nSee 'docker run --help'.\n",
    );
    expect(await err('docker run --oom-score-adj 2000 alpine')).toBe(
      "docker: Error response from daemon: Invalid value 2000, range for oom score adj is [-1000, 1000].\nSee 'docker run --help'.\n",
    );
    expect(await err('docker run --runtime crun alpine')).toBe(
      "docker: Error response from daemon: unknown or invalid runtime name: crun.\nSee 'docker run --help'.\n",
    );
    const warn = await sh(w, 'docker create --oom-kill-disable --memory-swappiness 10 alpine');
    expect(warn.stderr).toBe(
      "WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.\nWARNING: Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.\nWARNING: Your kernel does not support OomKillDisable. OomKillDisable discarded.\n",
    );
    expect(warn.exitCode).toBe(0);
    const id = warn.stdout.trim();
    // Discarded by the checks (nil), then adaptContainerSettings sets OomKillDisable to false (moby@v27.3.1:daemon/create.go
    // containerCreate runs verifyContainerSettings, then adaptContainerSettings); start's checks discard it again.
    expect(await insp(w, '{{.HostConfig.OomKillDisable}} {{.HostConfig.MemorySwappiness}}', id)).toBe('false <nil>\n');
    await sh(w, `docker start ${id}`);
    expect(await insp(w, '{{.HostConfig.OomKillDisable}}', id)).toBe('<nil>\n');
  });

  it("exec --env-file adds the file's variables before -e", async () => {
    const w = await world(['alpine']);
    await sh(w, "printf 'A=1\\nB=2\\n' > vars");
    await sh(w, 'docker run -d --name ex alpine sleep 100');
    expect((await sh(w, 'docker exec --env-file vars -e B=3 ex env')).stdout).toMatch(/^A=1$[\s\S]*^B=3$/m);
    const r = await sh(w, 'docker exec --env-file nope ex env');
    expect(r.stderr).toBe('open nope: no such file or directory\n');
    expect(r.exitCode).toBe(1);
  });
});
