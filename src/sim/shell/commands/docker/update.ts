/**
 * `docker update [OPTIONS] CONTAINER...`: new limits in HostConfig and, for a running
 * container, in its cgroup (memory.max, memory.swap.max, cpu.max, cpu.weight, pids.max,
 * cpuset.cpus), as runc update writes them.
 * docker/cli@v27.3.1:cli/command/container/update.go; moby@v27.3.1:daemon/update.go,
 * daemon/daemon_unix.go verifyPlatformContainerResources.
 */
import type { ExecResult } from '../../../api.ts';
import { cpuWeightOf } from '../../../runtime/runc.ts';
import { arity, daemonErr, flagError } from './errors.ts';
import { ramInBytes } from './run.ts';
import { parseCpuList } from '../../../kernel/cgroups.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/update.go
export default defineCommand({
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  aliases: 'docker container update, docker update',
  flags: [
    { long: 'blkio-weight', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
    { long: 'cpu-period', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { long: 'cpu-quota', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { long: 'cpu-rt-period', type: 'int64', usage: 'Limit the CPU real-time period in microseconds' },
    { long: 'cpu-rt-runtime', type: 'int64', usage: 'Limit the CPU real-time runtime in microseconds' },
    { long: 'cpu-shares', short: 'c', type: 'int64', usage: 'CPU shares (relative weight)' },
    { long: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
    { long: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { long: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { long: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
    { long: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
    { long: 'memory-swap', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap' },
    { long: 'pids-limit', type: 'int64', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { long: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const f = flags as Record<string, string | undefined>;
    const given = Object.values(f).filter((v) => v !== undefined);
    if (!given.length) return { stdout: '', stderr: 'you must provide one or more flags when using this command\n', exitCode: 1 };
    const invalid = (v: string, name: string, why: string) => flagError(cmd.path, `invalid argument "${v}" for "${name}" flag: ${why}`);
    const num = (k: string, name: string): number | ExecResult | undefined => {
      const v = f[k];
      if (v === undefined) return undefined;
      return /^-?\d+$/.test(v) ? Number(v) : invalid(v, name, `strconv.ParseInt: parsing "${v}": invalid syntax`);
    };
    let memory: number | undefined;
    let swap: number | undefined;
    if (f.memory !== undefined) {
      memory = ramInBytes(f.memory);
      if (memory === undefined) return invalid(f.memory, '-m, --memory', `invalid size: '${f.memory}'`);
    }
    if (f['memory-swap'] !== undefined) {
      swap = f['memory-swap'] === '-1' ? -1 : ramInBytes(f['memory-swap']);
      if (swap === undefined) return invalid(f['memory-swap'], '--memory-swap', `invalid size: '${f['memory-swap']}'`);
    }
    let nano: number | undefined;
    if (f.cpus !== undefined) {
      const n = Number(f.cpus);
      if (!Number.isFinite(n)) return invalid(f.cpus, '--cpus', `failed to parse ${f.cpus} as a rational number`);
      nano = Math.round(n * 1e9);
    }
    const shares = num('cpu-shares', '-c, --cpu-shares');
    const period = num('cpu-period', '--cpu-period');
    const quota = num('cpu-quota', '--cpu-quota');
    const pids = num('pids-limit', '--pids-limit');
    const rtPeriod = num('cpu-rt-period', '--cpu-rt-period');
    const rtRuntime = num('cpu-rt-runtime', '--cpu-rt-runtime');
    const blkio = f['blkio-weight'] !== undefined ? Number(f['blkio-weight']) : undefined;
    const reservation = f['memory-reservation'] !== undefined ? ramInBytes(f['memory-reservation']) : undefined;
    for (const v of [shares, period, quota, pids, rtPeriod, rtRuntime]) if (typeof v === 'object') return v;
    let restart: { Name: string; MaximumRetryCount: number } | undefined;
    if (f.restart !== undefined) {
      // docker/cli@v27.3.1:opts/parse.go ParseRestartPolicy.
      const m = /^(no|always|unless-stopped|on-failure)(?::(-?\d+))?$/.exec(f.restart);
      if (!m) return { stdout: '', stderr: `invalid restart policy format: ${f.restart}\n`, exitCode: 1 };
      restart = { Name: m[1] as string, MaximumRetryCount: Number(m[2] ?? 0) };
    }
    const cpus = env.host.fixture.cpus;
    let out = '';
    const errs: string[] = [];
    // moby@v27.3.1:daemon/update.go ContainerUpdate: verifyContainerSettings (daemon_unix.go
    // verifyPlatformContainerResources, update=true) looks at the request alone, before the container is looked up,
    // and its error comes back as it is; only Container.UpdateContainer's checks against the current settings
    // (container/container_unix.go) are wrapped by errCannotUpdate ("Cannot update container ID: …").
    const verify = (() => {
      if (memory !== undefined && memory !== 0 && memory < 6291456) return 'Minimum memory limit allowed is 6MB';
      if (memory !== undefined && memory > 0 && swap !== undefined && swap > 0 && swap < memory)
        return 'Minimum memoryswap limit should be larger than memory limit, see usage';
      if (reservation !== undefined && reservation > 0 && reservation < 6291456) return 'Minimum memory reservation allowed is 6MB';
      if (memory !== undefined && memory > 0 && reservation !== undefined && reservation > 0 && memory < reservation)
        return 'Minimum memory limit can not be less than memory reservation limit, see usage';
      if (nano !== undefined && nano > 0 && typeof period === 'number' && period > 0) return 'Conflicting options: Nano CPUs and CPU Period cannot both be set';
      if (nano !== undefined && nano > 0 && typeof quota === 'number' && quota > 0) return 'Conflicting options: Nano CPUs and CPU Quota cannot both be set';
      if (nano !== undefined && (nano < 0 || nano > cpus * 1e9)) return `Range of CPUs is from 0.01 to ${cpus}.00, as there are only ${cpus} CPUs available`;
      if (typeof period === 'number' && period !== 0 && (period < 1000 || period > 1000000))
        return 'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)';
      if (typeof quota === 'number' && quota > 0 && quota < 1000) return 'CPU cfs quota can not be less than 1ms (i.e. 1000)';
      const mems = f['cpuset-mems'];
      if (mems !== undefined && mems !== '') {
        const list = parseCpuList(mems);
        if (!list) return `Invalid value ${mems} for cpuset mems`;
        if (list.some((m) => m !== 0)) return `Requested memory nodes are not available - requested ${mems}, available: 0`;
      }
      if (blkio !== undefined && blkio > 0 && (blkio < 10 || blkio > 1000)) return 'Range of blkio weight is from 10 to 1000';
      return undefined;
    })();
    for (const ref of rest) {
      if (verify) {
        errs.push(verify);
        continue;
      }
      const c = env.daemon.find(ref);
      if (!c) {
        errs.push(`No such container: ${ref}`);
        continue;
      }
      const hc = c.hostConfig;
      // container/container_unix.go UpdateContainer, in its order.
      const why = (() => {
        if (nano !== undefined && nano > 0 && hc.CpuPeriod > 0) return 'Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set';
        if (nano !== undefined && nano > 0 && hc.CpuQuota > 0) return 'Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set';
        if (typeof period === 'number' && period > 0 && hc.NanoCpus > 0)
          return 'Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set';
        if (typeof quota === 'number' && quota > 0 && hc.NanoCpus > 0)
          return 'Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set';
        // A container run without --memory has MemorySwap 0, so a new memory limit needs --memory-swap with it
        // (moby/moby#47874, open at v27.3.1, would let it through).
        if (memory !== undefined && memory !== 0 && memory > hc.MemorySwap && (swap ?? 0) === 0)
          return 'Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time';
        if (restart && hc.AutoRemove && restart.Name !== 'no') return 'Restart policy cannot be updated because AutoRemove is enabled for the container';
        return undefined;
      })();
      if (why) {
        errs.push(`Cannot update container ${c.id}: ${why}`);
        continue;
      }
      if (memory !== undefined) hc.Memory = memory;
      if (swap !== undefined && swap !== 0) hc.MemorySwap = swap;
      if (nano !== undefined) hc.NanoCpus = nano;
      if (typeof shares === 'number') hc.CpuShares = shares;
      if (typeof period === 'number') hc.CpuPeriod = period;
      if (typeof quota === 'number') hc.CpuQuota = quota;
      if (typeof pids === 'number') hc.PidsLimit = pids;
      if (f['cpuset-cpus'] !== undefined) hc.CpusetCpus = f['cpuset-cpus'];
      if (f['cpuset-mems'] !== undefined) hc.CpusetMems = f['cpuset-mems'];
      if (typeof rtPeriod === 'number') hc.CpuRealtimePeriod = rtPeriod;
      if (typeof rtRuntime === 'number') hc.CpuRealtimeRuntime = rtRuntime;
      if (blkio !== undefined) hc.BlkioWeight = blkio;
      if (reservation !== undefined) hc.MemoryReservation = reservation;
      if (restart) hc.RestartPolicy = restart;
      const cg = env.host.kernel.cgroups.get(`/system.slice/docker-${c.id}.scope`);
      if (cg && c.status === 'running') {
        if (hc.Memory > 0) {
          cg.memoryMax = hc.Memory;
          cg.swapMax = hc.MemorySwap === -1 ? 'max' : Math.max(0, hc.MemorySwap - hc.Memory);
        }
        const q = hc.NanoCpus ? (hc.NanoCpus * (hc.CpuPeriod || 100000)) / 1e9 : hc.CpuQuota;
        if (nano !== undefined || typeof quota === 'number') cg.cpuQuota = q > 0 ? Math.round(q) : 'max';
        if (typeof period === 'number' && period > 0) cg.cpuPeriod = period;
        if (typeof shares === 'number' && shares > 0) cg.cpuWeight = cpuWeightOf(shares);
        if (typeof pids === 'number') cg.pidsMax = pids > 0 ? pids : 'max';
        if (f['cpuset-cpus'] !== undefined) cg.cpusetCpus = f['cpuset-cpus'];
      }
      env.daemon.emitFor(c, 'update');
      out += `${ref}\n`;
    }
    return { stdout: out, stderr: errs.map(daemonErr).join(''), exitCode: errs.length ? 1 : 0 };
  },
});
