/**
 * The storage half of `docker run`/`docker create`: the image (local or
 * pulled through the image service, with the service's pull output), and the
 * container's mounts (`-v`, `--mount`, `--volumes-from`, the image's VOLUMEs)
 * plus its overlay root filesystem.
 */
import type { Container } from '../../../docker/container.ts';
import type { MountSpec } from '../../../docker/imagestore.ts';
import { parseMountOpt } from './mount-opt.ts';
import type { ResolvedImage } from '../../../docker/images.ts';
import type { CmdEnv } from '../../types.ts';

/** Resolves an image, pulling it when missing. `pulled` gets the pull lines (stderr of docker run). */
export async function ensureImage(env: CmdEnv, ref: string, pulled: string[], cmd = 'run', platform?: string, always = false): Promise<ResolvedImage | string> {
  const lib = await env.daemon.imageLib();
  const r = await lib.service.ensure(ref, platform, always);
  if (!r.image) return r.stderr.replace(/See 'docker run --help'/g, `See 'docker ${cmd} --help'`);
  if (r.stderr) pulled.push(r.stderr);
  return lib.describe(r.image, ref);
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

async function hostDirExists(env: CmdEnv, path: string): Promise<boolean> {
  if (env.session.root !== 'host') return true;
  return env.fs.exists(path);
}

/** Parses `-v`, `--mount` and `--volumes-from` into mount specs; a string is the error text. */
export async function parseMounts(env: CmdEnv, volumes: string[], mounts: string[], from: string[], cmd: string): Promise<MountSpec[] | string> {
  const out: MountSpec[] = [];
  const err = (m: string) => `docker: Error response from daemon: ${m}.\nSee 'docker ${cmd} --help'.\n`;
  const invalidArg = (flag: string, v: string, m: string) => `invalid argument "${v}" for "${flag}" flag: ${m}\nSee 'docker ${cmd} --help'.\n`;
  for (const v of volumes) {
    const parts = v.split(':');
    if (parts.length === 1) {
      if (!parts[0]!.startsWith('/'))
        return err(`invalid volume specification: '${v}': invalid mount config for type "volume": invalid mount path: '${v}' mount path must be absolute`);
      out.push({ type: 'volume', source: '', destination: parts[0]!, readOnly: false });
      continue;
    }
    const [src, dst, mode] = parts as [string, string, string | undefined];
    if (parts.length > 3 || (mode !== undefined && !/^(ro|rw|z|Z)(,(ro|rw|z|Z))*$/.test(mode))) return err(`invalid mode: ${mode ?? parts.slice(2).join(':')}`);
    if (!dst.startsWith('/'))
      return err(
        `invalid volume specification: '${v}': invalid mount config for type "${src.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${dst}' mount path must be absolute`,
      );
    const readOnly = (mode ?? '').split(',').includes('ro');
    if (src.startsWith('/')) {
      if (!(await hostDirExists(env, src)) && env.session.root === 'host') await env.fs.mkdir(src, { recursive: true }).catch(() => undefined);
      out.push({ type: 'bind', source: src, destination: dst, readOnly });
    } else if (!VOLUME_NAME.test(src))
      return err(
        `create ${src}: "${src}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
      );
    else out.push({ type: 'volume', source: src, destination: dst, readOnly });
  }
  for (const m of mounts) {
    const mt = parseMountOpt(m);
    if (typeof mt === 'string') return invalidArg('--mount', m, mt);
    const type = mt.Type as MountSpec['type'];
    // moby@v27.3.1:volume/mounts/linux_parser.go validateMountConfig (errMountConfig: `invalid mount config for type "T": …`).
    if (!['volume', 'bind', 'tmpfs'].includes(type)) return err(`invalid mount config for type "${type}": mount type unknown`);
    const source = mt.Source ?? '';
    if (type === 'bind' && !source) return err(`invalid mount config for type "bind": field Source must not be empty`);
    // --mount never creates a missing bind source (-v does, as the daemon's mkdir -p).
    if (type === 'bind' && !(await hostDirExists(env, source))) return err(`invalid mount config for type "bind": bind source path does not exist: ${source}`);
    if (type === 'tmpfs' && source) return err(`invalid mount config for type "tmpfs": field Source must not be specified`);
    out.push({ type, source, destination: mt.Target, readOnly: Boolean(mt.ReadOnly) });
  }
  const lib = env.daemon.lib;
  for (const ref of from) {
    const [name, mode] = ref.split(':') as [string, string | undefined];
    const other = env.daemon.find(name);
    if (!other) return err(`No such container: ${name}`);
    for (const m of lib?.mounts.get(other.id) ?? [])
      if (m.type !== 'tmpfs' && !out.some((o) => o.destination === m.destination))
        out.push({ ...m, readOnly: mode === 'ro' ? true : mode === 'rw' ? false : m.readOnly });
  }
  return out;
}

/**
 * Gives a new container its mounts and overlay root: creates named and
 * anonymous volumes (anonymous names are 64 hex), adds the image's VOLUMEs, and
 * copies what the image has at a mount path into a new, empty volume.
 */
export async function attachStorage(env: CmdEnv, c: Container, specs: MountSpec[]): Promise<void> {
  const lib = await env.daemon.imageLib();
  const rootfs = await lib.attach(c);
  const volumesCfg = lib.imageOf(c)?.image.config.config.Volumes ?? {};
  const all = [...specs];
  for (const dst of Object.keys(volumesCfg))
    if (!all.some((m) => m.destination === dst)) all.push({ type: 'volume', source: '', destination: dst, readOnly: false });
  for (const m of all) {
    if (m.type !== 'volume') continue;
    const anonymous = !m.source;
    if (anonymous) m.source = env.host.rng.hex(64);
    const v = lib.volumes.create(m.source, { nowMs: env.host.clock.nowMs, anonymous }).volume;
    if (v && rootfs) lib.volumes.populateFrom(v, rootfs.root, m.destination);
  }
  lib.mounts.set(c.id, all);
  if (c.hostConfig.AutoRemove) lib.dropVolumes.add(c.id);
}

/** `Mounts` of `docker inspect`. */
export function inspectMounts(env: CmdEnv['daemon'], c: Container): Record<string, unknown>[] {
  return (env.lib?.mounts.get(c.id) ?? []).map((m) =>
    m.type === 'volume'
      ? {
          Type: 'volume',
          Name: m.source,
          Source: `/var/lib/docker/volumes/${m.source}/_data`,
          Destination: m.destination,
          Driver: 'local',
          Mode: m.readOnly ? 'ro' : 'z',
          RW: !m.readOnly,
          Propagation: '',
        }
      : m.type === 'bind'
        ? { Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.readOnly ? 'ro' : '', RW: !m.readOnly, Propagation: 'rprivate' }
        : { Type: 'tmpfs', Source: '', Destination: m.destination, Mode: '', RW: true, Propagation: '' },
  );
}

const NGINX_CACHE = ['client_temp', 'fastcgi_temp', 'proxy_temp', 'scgi_temp', 'uwsgi_temp'];

/**
 * What a container's main program writes to its root when it starts, so that
 * `docker diff` shows it (CURRICULUM L7): nginx's entrypoint enables IPv6 in
 * default.conf, nginx writes its pid file and creates its cache directories.
 */
export function containerStarted(env: CmdEnv, c: Container): void {
  const root = env.daemon.lib?.rootfs.get(c.id)?.root;
  const init = env.daemon.initOf(c);
  if (!root || !init || root.readOnly || init.comm !== 'nginx') return;
  const enc = new TextEncoder();
  const conf = '/etc/nginx/conf.d/default.conf';
  try {
    if (c.config.Entrypoint?.[0] === '/docker-entrypoint.sh' && root.stat(conf)?.type === 'file') {
      const text = new TextDecoder().decode(root.readFile(conf));
      if (!text.includes('listen  [::]:80;'))
        root.writeFile(conf, enc.encode(text.replace(/(\n\s*listen\s+80;)/, '$1\n    listen  [::]:80;')), { mode: 0o644 });
    }
    root.writeFile('/run/nginx.pid', enc.encode('1\n'), { mode: 0o644 });
    for (const d of NGINX_CACHE) if (!root.exists(`/var/cache/nginx/${d}`)) root.mkdir(`/var/cache/nginx/${d}`, { mode: 0o700 });
  } catch {
    /* a bind mount or tmpfs over these paths: nothing lands in the upperdir */
  }
}
