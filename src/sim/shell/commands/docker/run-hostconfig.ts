/**
 * The `docker run` / `docker create` options the simulator takes as Docker does but does not act
 * on beyond recording them: the client's checks (docker/cli@v27.3.1:cli/command/container/opts.go
 * parse, create.go validatePullOpt), the daemon's (moby@v27.3.1:daemon/daemon_unix.go
 * verifyPlatformContainerResources and verifyPlatformContainerSettings on a cgroup v2 host,
 * pkg/sysinfo/cgroup2_linux.go: no swappiness, no kernel memory, no OomKillDisable), and the
 * fields they set in `docker inspect`'s HostConfig and Config.
 */
import type { ContainerConfig, HostConfig } from '../../../docker/container.ts';
import { parseDuration, parseInt64, parseUint, parseUlimit, ramInBytes } from '../../kit/govalues.ts';
import type { CmdEnv } from '../../types.ts';
import { parseCpuList } from '../../../kernel/cgroups.ts';
import { extraHostForApi } from './run-checks.ts';

type Flags = Record<string, unknown>;

export interface Recorded {
  /** A client-side error (reportError: `docker: MSG.` and the help hint, 125). */
  client?: string;
  /** A daemon error of ContainerCreate. */
  daemon?: string;
  /** The daemon's warnings (`WARNING: …` on stderr). */
  warnings: string[];
}

/** docker/cli@v27.3.1:opts/opts.go ValidateMACAddress (net.ParseMAC: 6 octets, `:` or `-`). */
const MAC = /^([0-9a-f]{2}([:-]))([0-9a-f]{2}\2){4}[0-9a-f]{2}$/i;

/** The kernel's one memory node (cpuset.mems.effective of a single-node host). */
const MEMS = '0';

/** Applies the recorded flags to hc and config; says what Docker would refuse, or warn about. */
export async function recordFlags(f: Flags, hc: HostConfig, config: Partial<ContainerConfig>, env: CmdEnv): Promise<Recorded> {
  const out: Recorded = { warnings: [] };
  const str = (k: string) => {
    const v = f[k];
    return (Array.isArray(v) ? v[v.length - 1] : v) as string | undefined;
  };
  const list = (k: string) => (f[k] as string[] | undefined) ?? [];
  const client = (msg: string): Recorded => ({ ...out, client: msg });
  // create.go validatePullOpt, before anything else.
  const pull = str('pull');
  if (pull !== undefined && !['always', 'missing', 'never', ''].includes(pull))
    return client(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  // opts.go parse, in its order.
  const mac = str('mac-address');
  if (mac) {
    if (!MAC.test(mac)) return client(`${mac} is not a valid mac address`);
    config.MacAddress = mac;
  }
  const swappiness = str('memory-swappiness');
  if (swappiness !== undefined) {
    const n = Number(parseInt64(swappiness).ok ? swappiness : -1);
    if (n !== -1 && (n < 0 || n > 100)) return client(`invalid value: ${n}. Valid memory swappiness range is 0-100`);
  }
  for (const e of list('expose')) {
    // nat.ParsePortRange over `port[-port][/proto]`.
    const [range, proto = 'tcp'] = e.split('/');
    if (!/^\d+(-\d+)?$/.test(range ?? ''))
      return client(`invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing ${JSON.stringify(range)}: invalid syntax`);
    const [a, b = a] = (range as string).split('-').map(Number) as [number, number?];
    for (let p = a; p <= (b as number); p++) (config.ExposedPorts ??= {})[`${p}/${proto}`] = {};
  }
  for (const file of list('label-file')) {
    let text: string;
    try {
      text = await env.readFile(file);
    } catch {
      return client(`open ${file}: no such file or directory`);
    }
    // opts.ReadKVStrings: the files in order, then --label, which wins (merged by the caller).
    const fromFile: Record<string, string> = {};
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      fromFile[eq < 0 ? line : line.slice(0, eq)] = eq < 0 ? '' : line.slice(eq + 1);
    }
    config.Labels = { ...config.Labels, ...fromFile };
  }
  const userns = str('userns');
  if (userns !== undefined && !['', 'host'].includes(userns)) return client('--userns: invalid USER mode');
  const cgroupns = str('cgroupns');
  if (cgroupns !== undefined && !['', 'host', 'private'].includes(cgroupns)) return client('--cgroupns: invalid CGROUP mode');
  for (const o of list('storage-opt')) {
    if (!o.includes('=')) return client('invalid storage option');
    (hc.StorageOpt ??= {})[o.slice(0, o.indexOf('='))] = o.slice(o.indexOf('=') + 1);
  }
  const health = ['health-cmd', 'health-interval', 'health-timeout', 'health-start-period', 'health-retries', 'health-start-interval'].filter(
    (k) => str(k) !== undefined && str(k) !== '' && str(k) !== '0' && str(k) !== '0s',
  );
  if (f['no-healthcheck']) {
    if (health.length) return client('--no-healthcheck conflicts with --health-* options');
    config.Healthcheck = { Test: ['NONE'] };
  } else if (health.length) {
    const ns = (k: string) => {
      const d = parseDuration(str(k) ?? '0');
      return d.ok ? d.value : 0;
    };
    for (const k of ['interval', 'timeout', 'retries', 'start-period', 'start-interval'])
      if ((k === 'retries' ? Number(str('health-retries') ?? 0) : ns(`health-${k}`)) < 0) return client(`--health-${k} cannot be negative`);
    config.Healthcheck = {
      Test: str('health-cmd') ? ['CMD-SHELL', str('health-cmd') as string] : null,
      Interval: ns('health-interval'),
      Timeout: ns('health-timeout'),
      StartPeriod: ns('health-start-period'),
      StartInterval: ns('health-start-interval'),
      Retries: Number(str('health-retries') ?? 0),
    };
  }
  for (const d of list('device')) {
    // opts.go parseDevice (linux): host[:container][:mode], mode of r, w, m.
    const parts = d.split(':');
    const mode = parts.length === 3 || (parts.length === 2 && /^[rwm]+$/.test(parts[1] as string)) ? (parts.pop() as string) : 'rwm';
    if (parts.length > 2 || !/^[rwm]+$/.test(mode)) return client(`invalid device specification: ${d}`);
    (hc.Devices ??= []).push({ PathOnHost: parts[0] as string, PathInContainer: parts[1] ?? (parts[0] as string), CgroupPermissions: mode });
  }
  // opts.go parseSecurityOpts: KEY=VALUE or KEY:VALUE, a value required but for no-new-privileges.
  for (const o of list('security-opt')) {
    const sep = o.includes('=') ? '=' : o === 'no-new-privileges' ? '' : ':';
    const [k, v] = sep ? [o.slice(0, o.indexOf(sep)), o.includes(sep) ? o.slice(o.indexOf(sep) + 1) : ''] : [o, ''];
    if ((!o.includes(sep || '\0') || v === '') && k !== 'no-new-privileges') return client(`Invalid --security-opt: ${JSON.stringify(o)}`);
  }
  // opts.go parseNetworkAttachmentOpt: --network-alias needs a user-defined network (not default, bridge, host, none, container:).
  const net = str('network') ?? str('net') ?? 'default';
  if (list('network-alias').length && (['default', 'bridge', 'host', 'none'].includes(net) || net.startsWith('container:')))
    return client('network-scoped aliases are only supported for user-defined networks');
  if (str('domainname')) config.Domainname = str('domainname') as string;
  // The lists and strings recorded as given.
  const lists: [string, 'Dns' | 'DnsOptions' | 'DnsSearch' | 'ExtraHosts' | 'GroupAdd' | 'Links' | 'DeviceCgroupRules'][] = [
    ['dns', 'Dns'],
    ['dns-option', 'DnsOptions'],
    ['dns-search', 'DnsSearch'],
    ['add-host', 'ExtraHosts'],
    ['group-add', 'GroupAdd'],
    ['link', 'Links'],
    ['device-cgroup-rule', 'DeviceCgroupRules'],
  ];
  for (const [flag, key] of lists) if (list(flag).length) hc[key] = list(flag).map((v) => (flag === 'add-host' ? extraHostForApi(v) : v));
  // --link's values go to the daemon as given (docker/cli@v27.3.1:opts/opts.go ValidateLink only checks them).
  for (const [flag, key] of [
    ['cidfile', 'ContainerIDFile'],
    ['volume-driver', 'VolumeDriver'],
    ['runtime', 'Runtime'],
    ['isolation', 'Isolation'],
    ['cgroup-parent', 'CgroupParent'],
    ['userns', 'UsernsMode'],
    ['cpuset-mems', 'CpusetMems'],
  ] as const)
    if (str(flag) !== undefined && str(flag) !== '') hc[key] = str(flag) as string;
  if (cgroupns !== undefined) hc.CgroupnsMode = cgroupns || 'private';
  for (const a of list('annotation')) (hc.Annotations ??= {})[a.split('=')[0] as string] = a.includes('=') ? a.slice(a.indexOf('=') + 1) : '';
  for (const [flag, key] of [
    ['cpu-rt-period', 'CpuRealtimePeriod'],
    ['cpu-rt-runtime', 'CpuRealtimeRuntime'],
    ['oom-score-adj', 'OomScoreAdj'],
    ['blkio-weight', 'BlkioWeight'],
  ] as const)
    if (str(flag) !== undefined) hc[key] = Number(str(flag));
  for (const [flag, key] of [
    ['shm-size', 'ShmSize'],
    ['kernel-memory', 'KernelMemory'],
    ['memory-reservation', 'MemoryReservation'],
  ] as const) {
    const v = str(flag);
    if (v === undefined) continue;
    const r = ramInBytes(v);
    if (r.ok) hc[key] = r.value;
  }
  for (const u of list('ulimit')) {
    const r = parseUlimit(u);
    // UlimitOpt keeps one per name, the last one given.
    if (r.ok) hc.Ulimits = [...(hc.Ulimits ?? []).filter((x) => x.Name !== r.value.Name), r.value];
  }
  for (const [flag, key, rate] of [
    ['device-read-bps', 'BlkioDeviceReadBps', 'bytes'],
    ['device-write-bps', 'BlkioDeviceWriteBps', 'bytes'],
    ['device-read-iops', 'BlkioDeviceReadIOps', 'count'],
    ['device-write-iops', 'BlkioDeviceWriteIOps', 'count'],
  ] as const)
    for (const d of list(flag)) {
      const [path, v] = [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)];
      const n = rate === 'bytes' ? ramInBytes(v) : parseUint(v);
      if (n.ok) (hc[key] ??= []).push({ Path: path, Rate: Number(n.value) });
    }
  for (const d of list('blkio-weight-device'))
    (hc.BlkioWeightDevice ??= []).push({ Path: d.slice(0, d.indexOf(':')), Weight: Number(d.slice(d.indexOf(':') + 1)) });
  if (f.gpus !== undefined)
    for (const g of list('gpus')) {
      const fields = Object.fromEntries(g.split(',').map((x) => [x.split('=')[0], x.includes('=') ? x.slice(x.indexOf('=') + 1) : undefined]));
      const count =
        g === 'all' || fields.count === 'all' ? -1 : Number(fields.count ?? (Object.keys(fields).length === 1 && !g.includes('=') ? g : fields.device ? 0 : 1));
      (hc.DeviceRequests ??= []).push({
        Driver: fields.driver ?? '',
        Count: count,
        DeviceIDs: fields.device ? fields.device.split(',') : null,
        Capabilities: [[...(fields.capabilities ? fields.capabilities.split(',') : []), 'gpu']],
        Options: {},
      });
    }
  // The daemon (verifyPlatformContainerResources, cgroup v2 sysinfo), in its order.
  if (swappiness !== undefined && swappiness !== '-1') {
    out.warnings.push('Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.');
    hc.MemorySwappiness = null;
  }
  const reservation = hc.MemoryReservation ?? 0;
  if (reservation > 0 && reservation < 6291456) return { ...out, daemon: 'Minimum memory reservation allowed is 6MB' };
  const mem = str('memory') !== undefined ? ramInBytes(str('memory') as string) : undefined;
  const memory = mem?.ok ? mem.value : hc.Memory;
  if (memory > 0 && reservation > 0 && memory < reservation)
    return { ...out, daemon: 'Minimum memory limit can not be less than memory reservation limit, see usage' };
  if ((hc.KernelMemory ?? 0) > 0) {
    out.warnings.push('Your kernel does not support kernel memory limit capabilities or the cgroup is not mounted. Limitation discarded.');
    hc.KernelMemory = 0;
  }
  if (f['oom-kill-disable']) {
    out.warnings.push('Your kernel does not support OomKillDisable. OomKillDisable discarded.');
    hc.OomKillDisable = null;
  }
  if (hc.CpusetMems) {
    const mems = parseCpuList(hc.CpusetMems);
    if (!mems) return { ...out, daemon: `Invalid value ${hc.CpusetMems} for cpuset mems` };
    if (mems.some((m) => String(m) !== MEMS))
      return { ...out, daemon: `Requested memory nodes are not available - requested ${hc.CpusetMems}, available: ${MEMS}` };
  }
  if ((hc.BlkioWeight ?? 0) > 0 && ((hc.BlkioWeight as number) < 10 || (hc.BlkioWeight as number) > 1000))
    return { ...out, daemon: 'Range of blkio weight is from 10 to 1000' };
  // verifyPlatformContainerSettings.
  if (hc.OomScoreAdj !== undefined && (hc.OomScoreAdj < -1000 || hc.OomScoreAdj > 1000))
    return { ...out, daemon: `Invalid value ${hc.OomScoreAdj}, range for oom score adj is [-1000, 1000]` };
  if (hc.CgroupParent && !hc.CgroupParent.endsWith('.slice'))
    return { ...out, daemon: 'cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"' };
  // moby@v27.3.1:daemon/runtime_unix.go: the runtimes dockerd knows.
  if (hc.Runtime && !['runc', 'io.containerd.runc.v2'].includes(hc.Runtime)) return { ...out, daemon: `unknown or invalid runtime name: ${hc.Runtime}` };
  return out;
}
