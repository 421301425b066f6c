import { arity } from './errors.ts';
import { bytesSize } from './format.ts';
import { parseTemplate, TemplateError } from '../../kit/template/index.ts';
import { CLI_PLUGINS, R, infoDoc } from './system.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/system/info.go
export default defineCommand({
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  aliases: 'docker system info, docker info',
  top: 12,
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const format = flags.format as string | undefined;
    if (format) {
      // docker/cli@v27.3.1:cli/command/system/info.go formatInfo.
      let t;
      try {
        t = parseTemplate(format === 'json' ? '{{json .}}' : format);
      } catch (e) {
        if (e instanceof TemplateError) return R('', `template parsing error: ${e.message}\n`, 64);
        throw e;
      }
      try {
        return R(`${t.run(infoDoc(env))}\n`);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        return R(`${e.partial}\n`, `${e.message}\n`, 1);
      }
    }
    return R(prettyInfo(infoDoc(env).fields as Record<string, unknown>));
  },
});

type Obj = Record<string, unknown>;

/**
 * docker/cli@v27.3.1:cli/command/system/info.go prettyPrintInfo: "Client:" and prettyPrintClientInfo, then "Server:" and
 * prettyPrintServerInfo, line for line (fprintln puts one blank between operands; fprintlnNonEmpty skips an empty value),
 * ending with the empty line it prints. Runtimes are a Go map there, printed in its random order; here in the daemon's.
 */
function prettyInfo(d: Obj): string {
  const lines: string[] = ['Client: Docker Engine - Community', ' Version:    27.3.1', ' Context:    default', ' Debug Mode: false'];
  if (CLI_PLUGINS.length) {
    lines.push(' Plugins:');
    for (const p of CLI_PLUGINS) lines.push(`  ${p.Name}: ${p.ShortDescription} (${p.Vendor})`, `    Version:  ${p.Version}`, `    Path:     ${p.Path}`);
  }
  const ln = (...a: unknown[]) => lines.push(a.map(String).join(' '));
  const nonEmpty = (label: string, v: unknown) => v !== '' && v !== undefined && v !== null && ln(label, v);
  lines.push('', 'Server:');
  ln(' Containers:', d.Containers);
  ln('  Running:', d.ContainersRunning);
  ln('  Paused:', d.ContainersPaused);
  ln('  Stopped:', d.ContainersStopped);
  ln(' Images:', d.Images);
  nonEmpty(' Server Version:', d.ServerVersion);
  nonEmpty(' Storage Driver:', d.Driver);
  for (const [k, v] of (d.DriverStatus as [string, string][] | null) ?? []) lines.push(`  ${k}: ${v}`);
  nonEmpty(' Logging Driver:', d.LoggingDriver);
  nonEmpty(' Cgroup Driver:', d.CgroupDriver);
  nonEmpty(' Cgroup Version:', d.CgroupVersion);
  const plugins = d.Plugins as { Volume: string[]; Network: string[]; Authorization: string[] | null; Log: string[] };
  ln(' Plugins:');
  ln('  Volume:', plugins.Volume.join(' '));
  ln('  Network:', plugins.Network.join(' '));
  if (plugins.Authorization?.length) ln('  Authorization:', plugins.Authorization.join(' '));
  ln('  Log:', plugins.Log.join(' '));
  const cdi = (d.CDISpecDirs as string[] | null) ?? [];
  if (cdi.length) {
    ln(' CDI spec directories:');
    for (const dir of cdi) lines.push(`  ${dir}`);
  }
  // printSwarmInfo prints nothing more for an inactive node.
  ln(' Swarm:', (d.Swarm as Obj).LocalNodeState);
  const runtimes = Object.keys((d.Runtimes as Obj) ?? {});
  if (runtimes.length) {
    ln(' Runtimes:', runtimes.join(' '));
    ln(' Default Runtime:', d.DefaultRuntime);
  }
  ln(' Init Binary:', d.InitBinary);
  ln(' containerd version:', (d.ContainerdCommit as Obj).ID);
  ln(' runc version:', (d.RuncCommit as Obj).ID);
  ln(' init version:', (d.InitCommit as Obj).ID);
  const opts = (d.SecurityOptions as string[] | null) ?? [];
  if (opts.length) {
    // system.DecodeSecurityOptions: "name=seccomp,profile=builtin" → seccomp, and its profile.
    ln(' Security Options:');
    for (const o of opts) {
      const kv = Object.fromEntries(o.split(',').map((p) => p.split('=') as [string, string]));
      ln(`  ${kv.name}`);
      if (kv.profile) ln('   Profile:', kv.profile);
    }
  }
  nonEmpty(' Kernel Version:', d.KernelVersion);
  nonEmpty(' Operating System:', d.OperatingSystem);
  nonEmpty(' OSType:', d.OSType);
  nonEmpty(' Architecture:', d.Architecture);
  ln(' CPUs:', d.NCPU);
  ln(' Total Memory:', bytesSize(d.MemTotal as number));
  nonEmpty(' Name:', d.Name);
  nonEmpty(' ID:', d.ID);
  ln(' Docker Root Dir:', d.DockerRootDir);
  ln(' Debug Mode:', d.Debug);
  nonEmpty(' HTTP Proxy:', d.HTTPProxy);
  nonEmpty(' HTTPS Proxy:', d.HTTPSProxy);
  nonEmpty(' No Proxy:', d.NoProxy);
  const labels = (d.Labels as string[] | null) ?? [];
  if (labels.length) {
    ln(' Labels:');
    for (const l of labels) ln(`  ${l}`);
  }
  ln(' Experimental:', d.ExperimentalBuild);
  const reg = d.RegistryConfig as {
    InsecureRegistryCIDRs: string[];
    IndexConfigs: Record<string, { Name: string; Secure: boolean }>;
    Mirrors: string[] | null;
  };
  if (reg.InsecureRegistryCIDRs.length || Object.keys(reg.IndexConfigs).length) {
    ln(' Insecure Registries:');
    for (const c of Object.values(reg.IndexConfigs)) if (!c.Secure) ln(`  ${c.Name}`);
    for (const cidr of reg.InsecureRegistryCIDRs) lines.push(`  ${cidr}`);
  }
  if (reg.Mirrors?.length) {
    ln(' Registry Mirrors:');
    for (const m of reg.Mirrors) ln(`  ${m}`);
  }
  ln(' Live Restore Enabled:', d.LiveRestoreEnabled);
  if (d.ProductLicense) ln(' Product License:', d.ProductLicense);
  return `${lines.join('\n')}\n\n`;
}
