/**
 * `docker buildx create` (docker/buildx@v0.17.1:commands/create.go runCreate, builder/builder.go Create and Leave,
 * store/nodegroup.go Update, Leave): a docker-container builder record in the store (buildx-store.ts), its name
 * printed; --use makes it current, --bootstrap boots it (buildx-store.ts bootError). Its flags: createCmd, with
 * HideInheritedFlags(cmd, "builder") and the drivers that allow instances (driver.GetFactories(true)).
 * A builder on another endpoint, or with the kubernetes or remote driver, would be reached over the network, which
 * node1's builders do not model: a course line says so.
 */
import { defineCommand } from './define.ts';
import { HIDE_BUILDER, R, bxArity } from './buildx.ts';
import { ENDPOINT, byName, bootError, save, setCurrent, validateName, type NodeGroup, type Platform } from './buildx-store.ts';
import { LEFT, RIGHT } from '../../../docker/names.ts';

const err = (msg: string) => R('', `ERROR: ${msg}\n`, 1);

/** util/platformutil Parse (platforms.Parse, normalized): "os/arch[/variant]", or the error. */
function parsePlatforms(list: readonly string[]): Platform[] | string {
  const out: Platform[] = [];
  for (const p of list.flatMap((s) => s.split(','))) {
    const parts = p.trim().toLowerCase().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((x) => !/^[a-z0-9_.-]+$/.test(x)))
      return `"${p}": unknown operating system or architecture: invalid argument`;
    const arch = parts[1] === 'x86_64' ? 'amd64' : parts[1] === 'aarch64' ? 'arm64' : (parts[1] as string);
    // containerd platforms.Normalize: amd64's v1 and arm64's v8 are the default variants, left out.
    const variant = (arch === 'amd64' && parts[2] === 'v1') || (arch === 'arm64' && parts[2] === 'v8') ? undefined : parts[2];
    out.push({ architecture: arch, os: parts[0] as string, ...(variant ? { variant } : {}) });
  }
  return out;
}

export default defineCommand({
  use: 'create [OPTIONS] [CONTEXT|ENDPOINT]',
  short: 'Create a new builder instance',
  flags: [
    { long: 'name', type: 'string', usage: 'Builder instance name' },
    { long: 'driver', type: 'string', usage: 'Driver to use (available: "docker-container", "kubernetes", "remote")' },
    { long: 'node', type: 'string', usage: 'Create/modify node with given name' },
    { long: 'platform', type: 'stringArray', default: '[]', usage: 'Fixed platforms for current node' },
    { long: 'driver-opt', type: 'stringArray', default: '[]', usage: 'Options for the driver' },
    { long: 'buildkitd-flags', type: 'string', usage: 'BuildKit daemon flags' },
    { long: 'buildkitd-config', type: 'string', usage: 'BuildKit daemon config file' },
    { long: 'config', type: 'string', usage: 'BuildKit daemon config file', hidden: true },
    { long: 'bootstrap', type: 'bool', usage: 'Boot builder after creation' },
    { long: 'append', type: 'bool', usage: 'Append a node to builder instead of changing it' },
    { long: 'leave', type: 'bool', usage: 'Remove a node from builder instead of changing it' },
    { long: 'use', type: 'bool', usage: 'Set the current builder instance' },
    HIDE_BUILDER,
  ],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'max1');
    if (bad) return bad;
    const fs = env.fs;
    const given = flags.name ?? '';
    const nodeName = flags.node ?? '';
    if (flags.leave) {
      if (!given) return err('leave requires instance name');
      if (!nodeName) return err('leave requires node name');
      const found = await byName(fs, given);
      if (!('ng' in found)) return err(found.notExist ? `failed to find instance ${JSON.stringify(given)} for leave` : found.error);
      const i = found.ng.Nodes.findIndex((n) => n.Name === nodeName);
      if (i < 0) return err(`node ${JSON.stringify(nodeName)} not found for ${found.ng.Name}`);
      if (found.ng.Nodes.length === 1) return err('can not leave last node, do you want to rm instance instead?');
      found.ng.Nodes.splice(i, 1);
      await save(fs, found.ng, env.host.clock.nowMs);
      return R('');
    }
    if (given === 'default') return err('default is a reserved name and cannot be used to identify builder instance');
    if (flags.append && !given) return err('append requires a builder name');
    let name = given;
    // store.GenerateName: namesgenerator.GetRandomName, until no instance has the name.
    for (let i = 0; !name && i < 6; i++) {
      const n = `${env.host.rng.pick(LEFT)}_${env.host.rng.pick(RIGHT)}`;
      if (!('ng' in (await byName(fs, n)))) name = n;
    }
    const existing = await byName(fs, name);
    if (!('ng' in existing) && !existing.notExist) return err(existing.error);
    let ng: NodeGroup | undefined = 'ng' in existing ? existing.ng : undefined;
    if (!ng && flags.append) return err(`failed to find instance ${JSON.stringify(given)} for append`);
    // driver.GetDefaultFactory(…, instanceRequired): docker-container, the first that allows instances.
    const driver = flags.driver ?? ng?.Driver ?? 'docker-container';
    if (ng && !nodeName && !flags.append)
      return err(`existing instance for ${JSON.stringify(name)} but no append mode, specify the node name to make changes for existing instances`);
    if (ng && driver !== ng.Driver) return err(`existing instance for ${JSON.stringify(name)} but has mismatched driver ${JSON.stringify(ng.Driver)}`);
    // driver.GetFactory(name, true).
    if (driver === 'docker') return err('additional instances of driver "docker" cannot be created');
    if (!['docker-container', 'kubernetes', 'remote'].includes(driver)) return err(`failed to find driver ${JSON.stringify(driver)}`);
    const ep = rest[0];
    if (driver !== 'docker-container' || (ep !== undefined && ep !== 'default' && ep !== ENDPOINT)) {
      env.note?.({
        en: `${cmd.path}: only docker-container builders on this host's Docker are simulated (node1 reaches no other BuildKit endpoint).`,
        zh: `${cmd.path}：这里只模拟使用本机 Docker 的 docker-container 构建器（node1 无法访问其他 BuildKit 端点）。`,
      });
      return R('', '', 1);
    }
    // csvToMap: each k=v of each --driver-opt.
    const driverOpts: Record<string, string> = {};
    for (const field of (flags['driver-opt'] ?? []).flatMap((s) => s.split(','))) {
      const eq = field.indexOf('=');
      if (eq < 0) return err(`invalid value ${JSON.stringify(field)}, expecting k=v`);
      driverOpts[field.slice(0, eq)] = field.slice(eq + 1);
    }
    // parseBuildkitdFlags: the flags as given (split on blanks), and network.host allowed in a container driver.
    const bkFlags = (flags['buildkitd-flags'] ?? '').split(/\s+/).filter(Boolean);
    if (!bkFlags.some((f) => f.startsWith('--allow-insecure-entitlement'))) bkFlags.push('--allow-insecure-entitlement=network.host');
    const platforms = parsePlatforms(flags.platform ?? []);
    if (typeof platforms === 'string') return err(platforms);
    ng ??= { Name: name, Driver: driver, Nodes: [], Dynamic: false };
    const at = ng.Nodes.findIndex((n) => n.Name === nodeName);
    if (at >= 0) {
      // Update of a node: new flags always come with a container driver, so the restart warning (logrus, "WARNING: ").
      const n = ng.Nodes[at] as NodeGroup['Nodes'][number];
      if (platforms.length) n.Platforms = platforms;
      n.Flags = bkFlags;
      if (flags['driver-opt']?.length) n.DriverOpts = driverOpts;
      await save(fs, ng, env.host.clock.nowMs);
      return R(`${ng.Name}\n`, 'WARNING: new settings may not be used until builder is restarted\n');
    }
    if (!flags.append && ng.Nodes.length) return err(`node ${nodeName} not found, did you mean to append?`);
    if (ng.Nodes.some((n) => n.Endpoint === ENDPOINT)) return err(`invalid duplicate endpoint ${ENDPOINT}`);
    let node = nodeName;
    for (let i = 0; !node; i++) if (!ng.Nodes.some((n) => n.Name === `${ng.Name}${i}`)) node = `${ng.Name}${i}`;
    const v = validateName(node);
    if ('error' in v) return err(v.error);
    ng.Nodes.push({
      Name: v.name,
      Endpoint: ENDPOINT,
      Platforms: platforms.length ? platforms : null,
      DriverOpts: flags['driver-opt']?.length ? driverOpts : null,
      Flags: bkFlags,
      Files: null,
    });
    await save(fs, ng, env.host.clock.nowMs);
    if (flags.use) await setCurrent(fs, ng.Name, false);
    if (flags.bootstrap) {
      const boot = await bootError(env);
      if (boot !== undefined) return R('', boot, 1);
    }
    return R(`${ng.Name}\n`);
  },
});
