import { mergeHealthcheck } from '../../../docker/health.ts';
import type { ExecResult } from '../../../api.ts';
import type { ContainerConfig, HostConfig, PortBinding } from '../../../docker/container.ts';
import { DaemonError } from '../../../docker/daemon.ts';
import { imgHas, lookPathError } from '../../../docker/images.ts';
import { attachStorage, containerStarted, ensureImage, parseMounts } from './run-storage.ts';
import { parsePublish } from '../../../net/ports.ts';
import { endpointSettingsError } from '../../../net/endpoint-config.ts';
import { isContainerMode } from '../../../net/manager.ts';
import { CapError, dockerCaps } from '../../../kernel/capabilities.ts';
import { parseCpuList } from '../../../kernel/cgroups.ts';
import { defineCommand, type FlagValues, type Invocation } from './define.ts';
import { needArgs } from './each.ts';
import { RUN_FLAGS } from './run-flags.ts';
import { tooBig } from '../../argmax.ts';
import { LIMITS } from '../../limits.ts';
import type { CmdEnv } from '../../types.ts';
import { labelMap } from './filters.ts';
import { recordFlags } from './run-hostconfig.ts';
import { readEnvFiles } from './envfile.ts';
import { attachedRun, attachFields } from './run-attach.ts';
import { clientPlatform, createPlatformCheck, requestedPlatform } from './run-platform.ts';
import { detachKeysError, failedStart, missingDevice, missingLink } from './run-checks.ts';
import { type MountField, parseMountOpt } from './mount-opt.ts';

/** go-units RAMInBytes: `100m` → 104857600 (binary units, as Docker parses --memory). */
export function ramInBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)i?b?$/i.exec(text.trim());
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Math.floor(Number(m[1]) * mult);
}

/**
 * An error from the daemon's ContainerCreate. docker/cli@v27.3.1:cli/command/container/run.go
 * runContainer passes it to reportError ("docker: …." and the help hint, 125); create.go
 * runCreate returns it as is, so cmd/docker/docker.go prints it alone and exits 1.
 */
const daemonError = (msg: string, cmd = 'run'): ExecResult =>
  cmd === 'create'
    ? { stdout: '', stderr: `Error response from daemon: ${msg}\n`, exitCode: 1 }
    : { stdout: '', stderr: `docker: Error response from daemon: ${msg.replace(/\.$/, '')}.\nSee 'docker ${cmd} --help'.\n`, exitCode: 125 };
const invalid = (msg: string, cmd = 'run'): ExecResult => ({ stdout: '', stderr: `invalid argument ${msg}\nSee 'docker ${cmd} --help'.\n`, exitCode: 125 });

/** docker run / docker create, with the flags parsed from RUN_FLAGS or CREATE_FLAGS (run-flags.ts). */
export async function dockerRun(flags: FlagValues<typeof RUN_FLAGS>, rest: string[], env: CmdEnv, create: boolean, inv: Invocation): Promise<ExecResult> {
  const cmdName = create ? 'create' : 'run';
  const f: Record<string, unknown> = flags;
  const [imageArg, ...cmd] = rest;
  if (!imageArg) return needArgs(inv, 'at least');
  // The simulator's bound, not Docker's (limits.ts): the line stops here, with a course note.
  if (env.daemon.containers.size >= LIMITS.containers) return env.stopLine('containers');
  // A repeatable flag (--network) keeps its last value, as the single-valued options do.
  const str = (k: string) => {
    const v = f[k];
    return (Array.isArray(v) ? v[v.length - 1] : v) as string | undefined;
  };
  const list = (k: string) => (f[k] as string[] | undefined) ?? [];
  // docker/cli@v27.3.1:cli/command/container/opts.go validateAttach (a flag error, 125).
  for (const a of list('attach'))
    if (!['stdin', 'stdout', 'stderr'].includes(a.toLowerCase()))
      return invalid(`"${a}" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR`, cmdName);
  const attached = list('attach').length ? new Set(list('attach').map((a) => a.toLowerCase())) : new Set(['stdout', 'stderr']);
  // run.go runContainer: a plain error (exit 1), after the options parsed.
  if (f.detach && list('attach').length && !create) return { stdout: '', stderr: 'Conflicting options: -a and -d\n', exitCode: 1 };
  const hc: HostConfig = {
    Memory: 0,
    MemorySwap: 0,
    NanoCpus: 0,
    CpuShares: 0,
    CpuPeriod: 0,
    CpuQuota: 0,
    CpusetCpus: '',
    PidsLimit: null,
    CapAdd: null,
    CapDrop: null,
    Privileged: Boolean(f.privileged),
    SecurityOpt: list('security-opt').length ? list('security-opt') : null,
    ReadonlyRootfs: Boolean(f['read-only']),
    Tmpfs: list('tmpfs').length ? Object.fromEntries(list('tmpfs').map((t) => [t.split(':')[0], t.split(':')[1] ?? ''])) : null,
    Init: f.init ? true : null,
    AutoRemove: Boolean(f.rm),
    PidMode: str('pid') ?? '',
    IpcMode: str('ipc') ?? 'private',
    UTSMode: str('uts') ?? '',
    NetworkMode: str('network') ?? str('net') ?? 'bridge',
    PortBindings: {},
    PublishAllPorts: false,
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    LogConfig: {
      Type: str('log-driver') ?? 'json-file',
      Config: Object.fromEntries(list('log-opt').map((o) => [o.split('=')[0], o.slice(o.indexOf('=') + 1)])),
    },
    Sysctls: null,
  };
  if (str('restart') !== undefined && str('restart') !== '') {
    // docker/cli@v27.3.1:opts/parse.go ParseRestartPolicy (client side, reportError → 125), then
    // moby@v27.3.1:api/types/container/hostconfig.go ValidateRestartPolicy (daemon, before any pull).
    const policy = str('restart') as string;
    const colon = policy.indexOf(':');
    const [k, v] = colon < 0 ? [policy, ''] : [policy.slice(0, colon), policy.slice(colon + 1)];
    if (colon >= 0 && k === '')
      return {
        stdout: '',
        stderr: `docker: invalid restart policy format: no policy provided before colon.\nSee 'docker ${cmdName} --help'.\n`,
        exitCode: 125,
      };
    if (v !== '' && !/^[+-]?\d+$/.test(v))
      return {
        stdout: '',
        stderr: `docker: invalid restart policy format: maximum retry count must be an integer.\nSee 'docker ${cmdName} --help'.\n`,
        exitCode: 125,
      };
    const count = v === '' ? 0 : Number(v);
    hc.RestartPolicy = { Name: k, MaximumRetryCount: count };
    if (hc.AutoRemove && k !== 'no')
      return { stdout: '', stderr: `docker: Conflicting options: --restart and --rm.\nSee 'docker ${cmdName} --help'.\n`, exitCode: 125 };
    let bad: string | undefined;
    if (['always', 'unless-stopped', 'no'].includes(k)) {
      if (count !== 0) bad = `invalid restart policy: maximum retry count can only be used with 'on-failure'${count < 0 ? ' and cannot be negative' : ''}`;
    } else if (k === 'on-failure') {
      if (count < 0) bad = 'invalid restart policy: maximum retry count cannot be negative';
    } else bad = `invalid restart policy: unknown policy '${k}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`;
    if (bad) return daemonError(bad, cmdName);
  }
  const extra: Partial<ContainerConfig> = {};
  const recorded = await recordFlags(f, hc, extra, env);
  if (recorded.client) return { stdout: '', stderr: `docker: ${recorded.client.replace(/\.$/, '')}.\nSee 'docker ${cmdName} --help'.\n`, exitCode: 125 };
  if (!['json-file', 'local', 'none', 'journald', 'syslog', 'fluentd', 'gelf', 'awslogs', 'splunk', 'etwlogs', 'gcplogs'].includes(hc.LogConfig.Type))
    return {
      stdout: '',
      stderr: `docker: Error response from daemon: failed to create task for container: failed to initialize logging driver: logger: no log driver named '${hc.LogConfig.Type}' is registered.\nSee 'docker ${cmdName} --help'.\n`,
      exitCode: 125,
    };
  for (const sc of list('sysctl')) {
    const [k, v] = [sc.slice(0, sc.indexOf('=')), sc.slice(sc.indexOf('=') + 1)];
    if (!sc.includes('=')) return invalid(`"${sc}" for "--sysctl" flag: invalid value ${sc}`, cmdName);
    (hc.Sysctls ??= {})[k] = v;
  }
  const fileEnv = await readEnvFiles(env, list('env-file'));
  if (!Array.isArray(fileEnv))
    return { stdout: '', stderr: `docker: open ${fileEnv.missing}: no such file or directory.\nSee 'docker ${cmdName} --help'.\n`, exitCode: 125 };
  if (str('memory') !== undefined) {
    const m = ramInBytes(str('memory') as string);
    if (m === undefined) return invalid(`"${str('memory')}" for "-m, --memory" flag: invalid size: '${str('memory')}'`, cmdName);
    hc.Memory = m;
  }
  if (str('memory-swap') !== undefined) {
    const v = str('memory-swap') as string;
    const m = v === '-1' ? -1 : ramInBytes(v);
    if (m === undefined) return invalid(`"${v}" for "--memory-swap" flag: invalid size: '${v}'`, cmdName);
    hc.MemorySwap = m;
  }
  if (str('cpus') !== undefined) {
    const n = Number(str('cpus'));
    if (!Number.isFinite(n)) return invalid(`"${str('cpus')}" for "--cpus" flag: failed to parse ${str('cpus')} as a rational number`, cmdName);
    hc.NanoCpus = Math.round(n * 1e9);
  }
  for (const [flag, key] of [
    ['cpu-period', 'CpuPeriod'],
    ['cpu-quota', 'CpuQuota'],
    ['cpu-shares', 'CpuShares'],
  ] as const) {
    const v = str(flag);
    if (v === undefined) continue;
    // pflag names a flag with its shorthand when it has one: "-c, --cpu-shares".
    const name = flag === 'cpu-shares' ? '-c, --cpu-shares' : `--${flag}`;
    if (!/^-?\d+$/.test(v)) return invalid(`"${v}" for "${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`, cmdName);
    hc[key] = Number(v);
  }
  if (str('pids-limit') !== undefined) {
    const v = str('pids-limit') as string;
    if (!/^-?\d+$/.test(v)) return invalid(`"${v}" for "--pids-limit" flag: strconv.ParseInt: parsing "${v}": invalid syntax`, cmdName);
    hc.PidsLimit = Number(v);
  }
  if (list('cap-add').length) hc.CapAdd = list('cap-add');
  if (list('cap-drop').length) hc.CapDrop = list('cap-drop');
  const ports: PortBinding[] = [];
  for (const p of list('publish')) {
    const specs = parsePublish(p);
    if (typeof specs === 'string') return { stdout: '', stderr: `docker: ${specs}.\nSee 'docker ${cmdName} --help'.\n`, exitCode: 125 };
    for (const b of specs) (hc.PortBindings[b.key] ??= []).push({ HostIp: b.HostIp, HostPort: b.HostPort });
  }
  if (f['publish-all']) hc.PublishAllPorts = true;
  // docker/cli@v27.3.1:cli/command/container/run.go runContainer, first: In().CheckTty(AttachStdin, Tty)
  // (cli/streams/in.go): -t with stdin attached needs a terminal on the client's stdin, not a pipe or a file.
  const attachStdin = attachFields(f, list('attach'), create).AttachStdin;
  if (!create && !f.detach && f.tty && attachStdin && !env.stdinTty) return { stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 };
  // Daemon-side validation (moby daemon_unix.go), before pulling is finished in real Docker only after the image resolves.
  const mountSpecs = await parseMounts(env, list('volume'), list('mount'), list('volumes-from'), cmdName);
  if (typeof mountSpecs === 'string') return { stdout: '', stderr: mountSpecs, exitCode: 125 };
  for (const m of mountSpecs) if (m.type === 'tmpfs') (hc.Tmpfs ??= {})[m.destination] = '';
  if (list('mount').length) hc.Mounts = list('mount').map((m) => parseMountOpt(m) as MountField);
  // create.go createContainer: the client's own warnings, then the container ID file, before the image.
  let early = '';
  if (f['oom-kill-disable'] && hc.Memory === 0)
    early += "WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.\n";
  const localDns = (hc.Dns ?? []).find((ip) => /((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)/.test(ip));
  if (localDns) early += `WARNING: Localhost DNS setting (--dns=${localDns}) may fail in containers.\n`;
  if (hc.ContainerIDFile && (await env.fs.exists(env.fs.resolvePath(env.cwd, hc.ContainerIDFile)))) {
    const msg = `container ID file found, make sure the other container isn't running or delete ${hc.ContainerIDFile}`;
    return { stdout: '', stderr: early + (create ? `${msg}\n` : `docker: ${msg}.\nSee 'docker run --help'.\n`), exitCode: create ? 1 : 125 };
  }
  const platformSpec = requestedPlatform(str('platform'), env);
  const want = clientPlatform(platformSpec);
  if (want && 'error' in want)
    return { stdout: '', stderr: early + (create ? `${want.error}\n` : `docker: ${want.error}.\nSee 'docker run --help'.\n`), exitCode: create ? 1 : 125 };
  if (early && env.stream) env.stream({ stream: 'stderr', text: early });
  const pull = str('pull') ?? 'missing';
  const lib = await env.daemon.imageLib();
  const local = lib.service.store.lookup(imageArg);
  const localErr = pull === 'never' && local && want ? createPlatformCheck(lib.describe(local, imageArg), imageArg, want).error : undefined;
  if (localErr) return { ...daemonError(localErr, cmdName), stderr: (env.stream ? '' : early) + daemonError(localErr, cmdName).stderr };
  if (pull === 'never' && !local) {
    // moby@v27.3.1:daemon/images: "No such image: " and the reference as Docker spells it (a tag added).
    const missing = daemonError(`No such image: ${/[:@]/.test(imageArg.split('/').pop() as string) ? imageArg : `${imageArg}:latest`}`, cmdName);
    return { ...missing, stderr: (env.stream ? '' : early) + missing.stderr };
  }
  const pulled: string[] = [];
  const img = await ensureImage(env, imageArg, pulled, cmdName, platformSpec, pull === 'always');
  if (typeof img === 'string') return { stdout: '', stderr: img, exitCode: 125 };
  const onPlatform = createPlatformCheck(img, imageArg, want);
  // --quiet: pullImage writes to io.Discard, and "Unable to find image" is not printed.
  if (f.quiet) pulled.length = 0;
  let errPrefix = (env.stream ? '' : early) + pulled.join('');
  if (env.stream && errPrefix) {
    env.stream({ stream: 'stderr', text: errPrefix });
    errPrefix = '';
  }
  env.host.early += errPrefix;
  const cpus = env.host.fixture.cpus;
  const validation = (() => {
    if (hc.Memory > 0 && hc.Memory < 6291456) return 'Minimum memory limit allowed is 6MB';
    if (hc.MemorySwap > 0 && hc.Memory > 0 && hc.MemorySwap < hc.Memory) return 'Minimum memoryswap limit should be larger than memory limit, see usage';
    if (hc.Memory === 0 && hc.MemorySwap > 0) return 'You should always set the Memory limit when using Memoryswap limit, see usage';
    if (hc.NanoCpus && (hc.CpuPeriod || hc.CpuQuota))
      return hc.CpuPeriod
        ? 'Conflicting options: Nano CPUs and CPU Period cannot both be set'
        : 'Conflicting options: Nano CPUs and CPU Quota cannot both be set';
    if (hc.NanoCpus < 0 || hc.NanoCpus > cpus * 1e9 || (hc.NanoCpus > 0 && hc.NanoCpus < 1e7))
      // moby@v27.3.1:daemon/daemon_unix.go:494 (capital R; the lowercase text is daemon_windows.go's).
      return `Range of CPUs is from 0.01 to ${cpus.toFixed(2)}, as there are only ${cpus} CPUs available`;
    if (hc.CpuPeriod && (hc.CpuPeriod < 1000 || hc.CpuPeriod > 1000000))
      return 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)';
    if (hc.CpuQuota > 0 && hc.CpuQuota < 1000) return 'CPU cfs quota can not be less than 1ms (i.e. 1000)';
    if (hc.CpusetCpus || str('cpuset-cpus')) {
      const list2 = parseCpuList(str('cpuset-cpus') as string);
      if (!list2) return `Invalid value ${str('cpuset-cpus')} for cpuset cpus`;
      if (list2.some((c) => c >= cpus)) return `Requested CPUs are not available - requested ${str('cpuset-cpus')}, available: 0-${cpus - 1}`;
      hc.CpusetCpus = str('cpuset-cpus') as string;
    }
    try {
      dockerCaps(hc.CapAdd ?? [], hc.CapDrop ?? [], hc.Privileged);
    } catch (e) {
      if (e instanceof CapError) return e.message;
      throw e;
    }
    if (recorded.daemon !== undefined) return recorded.daemon;
    return missingLink(env, hc.NetworkMode, hc.Links);
  })();
  if (hc.Memory > 0 && hc.MemorySwap === 0) hc.MemorySwap = hc.Memory * 2;
  if (onPlatform.warning) recorded.warnings.push(onPlatform.warning);
  const validation2 = validation ?? onPlatform.error;
  if (validation2) return { ...daemonError(validation2, cmdName), stderr: errPrefix + daemonError(validation2, cmdName).stderr };
  const entrypoint = str('entrypoint') !== undefined ? (str('entrypoint') ? [str('entrypoint') as string] : null) : img.config.Entrypoint;
  const config: ContainerConfig = {
    Hostname: str('hostname') ?? '',
    User: str('user') ?? img.config.User,
    Env: [...img.config.Env, ...fileEnv, ...list('env').map((e) => (e.includes('=') || env.env.get(e) === undefined ? e : `${e}=${env.env.get(e)}`))],
    Cmd: cmd.length ? cmd : str('entrypoint') !== undefined ? null : img.config.Cmd,
    Entrypoint: entrypoint,
    WorkingDir: str('workdir') ?? img.config.WorkingDir,
    Tty: Boolean(f.tty),
    OpenStdin: Boolean(f.interactive),
    ...attachFields(f, list('attach'), create),
    Image: imageArg,
    StopSignal: str('stop-signal') ?? img.config.StopSignal,
    ...(str('stop-timeout') ? { StopTimeout: Number(str('stop-timeout')) } : {}),
    // moby@v27.3.1:daemon/commit.go merge: the image's labels, unless --label sets the same key.
    // Kept in key order, as Go's encoding/json writes a map.
    Labels: Object.fromEntries(
      Object.entries({ ...(img.config.Labels ?? {}), ...extra.Labels, ...labelMap(list('label')) }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    ...(extra.Domainname ? { Domainname: extra.Domainname } : {}),
    ...(extra.MacAddress ? { MacAddress: extra.MacAddress } : {}),
    ...(extra.ExposedPorts ? { ExposedPorts: extra.ExposedPorts } : {}),
    // moby@v27.3.1:daemon/commit.go merge: the image's HEALTHCHECK fills what the --health-* options leave unset.
    ...(mergeHealthcheck(extra.Healthcheck, img.config.Healthcheck) ? { Healthcheck: mergeHealthcheck(extra.Healthcheck, img.config.Healthcheck) } : {}),
  };
  // moby@v27.3.1:daemon/create.go mergeAndVerifyConfig (an image without CMD, e.g. from docker import).
  if (!config.Entrypoint?.length && !config.Cmd?.length)
    return { ...daemonError('no command specified', cmdName), stderr: errPrefix + daemonError('no command specified', cmdName).stderr };
  const argv0 = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])][0] ?? '';
  const netErr = env.daemon.net.validateMode(hc.NetworkMode, Object.keys(hc.PortBindings).length > 0 || Boolean(hc.PublishAllPorts), (r) => env.daemon.find(r));
  if (netErr) return { ...daemonError(netErr, cmdName), stderr: errPrefix + daemonError(netErr, cmdName).stderr };
  // --ip and --network-alias go to the first network (opts.go parseNetworkOpts, "default" without --network);
  // moby@v27.3.1:daemon/create.go validateNetworkingConfig names the network in its error.
  const netName = str('network') ?? str('net') ?? 'default';
  const endpoint = { ipv4: str('ip'), aliases: list('network-alias') };
  // daemon.FindNetwork finds no network named "default": its addresses are not checked against a pool.
  const epNet = isContainerMode(netName) ? undefined : env.daemon.net.find(netName === 'default' ? 'bridge' : netName);
  const epErr = endpoint.ipv4 || endpoint.aliases.length ? endpointSettingsError(netName === 'default' ? undefined : epNet, netName, endpoint) : undefined;
  if (epErr) {
    const e = daemonError(`invalid config for network ${netName}: ${epErr}`, cmdName);
    return { ...e, stderr: errPrefix + e.stderr };
  }
  if (hc.NetworkMode === 'host' && Object.keys(hc.PortBindings).length) {
    const warning = 'WARNING: Published ports are discarded when using host network mode\n';
    if (env.stream) env.stream({ stream: 'stderr', text: warning });
    else {
      errPrefix += warning;
      env.host.early += warning;
    }
  }
  // docker/cli@v27.3.1:cli/command/container/create.go: ConsoleSize is dockerCli.Out().GetTtySize(), the terminal's
  // [height, width] when docker's stdout is one (cli/streams/out.go), else 0×0; -t plays no part.
  hc.ConsoleSize = env.tty ? [env.rows, env.columns] : [0, 0];
  let c;
  try {
    c = env.daemon.create(img, imageArg, str('name'), config, hc, ports);
  } catch (e) {
    if (e instanceof DaemonError) return { ...daemonError(e.message, cmdName), stderr: errPrefix + daemonError(e.message, cmdName).stderr };
    throw e;
  }
  if (epNet && (endpoint.ipv4 || endpoint.aliases.length)) env.daemon.net.configure(c, epNet, endpoint);
  // create.go: the daemon's warnings, then the ID written to --cidfile.
  const warnings = recorded.warnings.map((w) => `WARNING: ${w}\n`).join('');
  if (warnings && env.stream) env.stream({ stream: 'stderr', text: warnings });
  else errPrefix += warnings;
  if (hc.ContainerIDFile) await env.fs.writeFile(env.fs.resolvePath(env.cwd, hc.ContainerIDFile), c.id);
  await attachStorage(env, c, mountSpecs);
  // moby@v27.3.1:daemon/create.go: the volumes a -v or the image's VOLUME names are made (and logged) before `create`.
  env.daemon.emitFor(c, 'create');
  if (create) return { stdout: `${c.id}\n`, stderr: errPrefix, exitCode: 0 };
  // run.go attachContainer: the daemon refuses bad --detach-keys before the upgrade (moby@v27.3.1:daemon/attach.go), and the
  // client reports only the status (client/hijack.go setupHijackConn); the container stays created (docker/cli#6742).
  if (!f.detach && str('detach-keys') && detachKeysError(str('detach-keys') as string))
    return { stdout: '', stderr: `${errPrefix}unable to upgrade to tcp, received 400\n`, exitCode: 1 };
  // run.go attachContainer, before ContainerStart: moby@v27.3.1:daemon/attach.go containerAttach logs `attach`.
  if (!f.detach) env.daemon.emitFor(c, 'attach');
  const known =
    /^(\/docker-entrypoint\.sh|\/usr\/local\/bin\/zombie-maker|\/usr\/bin\/stress|\/sbin\/docker-init)$/.test(argv0) || (env.host && imgHas(img, argv0));
  if (!known) {
    // runc@v1.1.14:libcontainer/standard_init_linux.go exec.LookPath: a name with a slash is
    // stat'ed, not searched; moby@v27.3.1:daemon/start.go maps ENOENT to 127 and EACCES to 126.
    const why = lookPathError(img, argv0);
    failedStart(env, c, why.endsWith('permission denied') ? 126 : 127);
    return {
      stdout: '',
      stderr: `${errPrefix}docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv0}": ${why}: unknown.\n`,
      exitCode: why.endsWith('permission denied') ? 126 : 127,
    };
  }
  const bigEnv = config.Env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as [string, string]);
  if (tooBig([...(config.Entrypoint ?? []), ...(config.Cmd ?? [])], bigEnv)) {
    failedStart(env, c, 126);
    return {
      stdout: '',
      stderr: `${errPrefix}docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv0}": argument list too long: unknown.\n`,
      exitCode: 126,
    };
  }
  // moby@v27.3.1:oci/devices_linux.go DevicesFromPath, as the spec is made at start; cli run.go runStartContainerErr: 127.
  const noDevice = await missingDevice(env, hc.Devices ?? []);
  if (noDevice) {
    failedStart(env, c, 128);
    return { stdout: '', stderr: `${errPrefix}docker: Error response from daemon: ${noDevice}.\n`, exitCode: 127 };
  }
  try {
    // An attached stdin that is a pipe or a file (`echo ls | docker run -i alpine sh`) is the container's input.
    await env.daemon.start(c, attachStdin && !env.stdinTty ? env.stdin : undefined);
    containerStarted(env, c);
    // run.go: attached with a TTY to a terminal, MonitorTtySize sends the terminal's size (tty.go resizeTtyTo), and
    // moby@v27.3.1:daemon/resize.go ContainerResize logs `resize` with height and width, if the task still runs.
    if (!f.detach && c.config.Tty && env.tty && c.status === 'running')
      env.daemon.emitFor(c, 'resize', { height: String(env.rows), width: String(env.columns) });
  } catch (e) {
    if (e instanceof DaemonError) {
      failedStart(env, c, 128, false); // exitUnknown; the sim's start refused before the sandbox was set up
      return { stdout: '', stderr: errPrefix + `docker: Error response from daemon: ${e.message}.\n`, exitCode: 125 };
    }
    throw e;
  }
  if (f.detach) return { stdout: `${c.id}\n`, stderr: errPrefix, exitCode: 0 };
  return attachedRun(env, c, img, argv0, Boolean(f.interactive) && env.stdinTty, attached, errPrefix, f['sig-proxy'] !== false, str('detach-keys'));
}

// docker/cli@v27.3.1:cli/command/container/run.go NewRunCommand (SetInterspersed(false): the image ends the options).
export default defineCommand({
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  aliases: 'docker container run, docker run',
  top: 1,
  flags: RUN_FLAGS,
  interspersed: false,
  run: (flags, rest, env, cmd) => dockerRun(flags, rest, env, false, cmd),
});
