/**
 * Bridges the content-addressed store to the daemon's narrow, synchronous
 * `ImageSource` interface (src/sim/docker/images.ts), so the built-in image
 * table can be replaced without touching the daemon: resolve a reference in
 * the fixture registry and describe the amd64 image as the daemon expects.
 *
 * The registry must be materialized first (`await Registry.fixture()`, or
 * `await registry.loadAll()` for a lazy one), which is what makes a
 * synchronous resolve possible.
 */
import { familiarName, parseNormalizedNamed, tagNameOnly } from '../../oci/reference.ts';
import type { ImageSource, ResolvedImage } from '../docker/images.ts';
import { fromUtf8, shortId } from './digest.ts';
import type { Image } from './image.ts';
import { OverlayRoot } from './overlay.ts';
import { Registry } from './registry.ts';
import { joinPath, mergeLayers, parentOf } from './tree.ts';

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const MAX_TEXT = 64 * 1024;

/** What the daemon needs to know about an image's root filesystem. */
export function describeRootfs(image: Image): Pick<ResolvedImage, 'flavor' | 'commands' | 'files' | 'links' | 'fileLinks'> {
  // An image never changes once built: its description is computed once (the kubelet and containerd both ask for it
  // on every container start, and walking the merged layers is most of a pod's start-up work). Callers only read it.
  let d = described.get(image);
  if (!d) described.set(image, (d = describe(image)));
  return d;
}

const described = new WeakMap<Image, Pick<ResolvedImage, 'flavor' | 'commands' | 'files' | 'links' | 'fileLinks'>>();

function describe(image: Image): Pick<ResolvedImage, 'flavor' | 'commands' | 'files' | 'links' | 'fileLinks'> {
  const root = new OverlayRoot(image.layers.map((l) => l.tree));
  const commands = new Set<string>();
  const links: Record<string, string> = {};
  // The image's own PATH adds its directories (golang's /usr/local/go/bin: `go`), after the standard ones.
  const envPath =
    (image.config.config.Env ?? [])
      .find((e) => e.startsWith('PATH='))
      ?.slice(5)
      .split(':') ?? [];
  for (const dir of [...PATH_DIRS, ...envPath.filter((d) => d.startsWith('/') && !PATH_DIRS.includes(d))]) {
    if (root.stat(dir)?.type !== 'dir' || root.lstat(dir)?.type === 'symlink') continue;
    for (const name of root.readdir(dir)) {
      const e = root.stat(joinPath(dir, name));
      if (e?.type === 'file' && (e.mode & 0o111) !== 0) commands.add(name);
      const l = root.lstat(joinPath(dir, name));
      if (l?.type === 'symlink' && e?.type === 'file') links[joinPath(dir, name)] = l.target;
    }
  }
  const files: Record<string, string> = {};
  const fileLinks: Record<string, string> = {};
  const merged = new Map<string, true>();
  for (const l of image.layers) for (const p of l.tree.keys()) merged.set(p, true);
  const pathDirs = new Set([...PATH_DIRS, ...envPath]);
  const text = (f: ReturnType<OverlayRoot['stat']>) =>
    f?.type === 'file' ? (f.data && f.data.length <= MAX_TEXT ? fromUtf8(f.data) : !f.data ? f.view : undefined) : undefined;
  for (const p of [...merged.keys()].sort()) {
    const e = root.lstat(p);
    if (!e || e.type === 'dir') continue;
    const f = root.stat(p);
    // A link kept as a link where a container's root has its target: a directory (nginx's /etc/nginx/modules ->
    // /usr/lib/nginx/modules, /var/run -> /run), a file whose text is kept (Debian's /etc/os-release ->
    // ../usr/lib/os-release), or a path the runtime mounts (nginx's /var/log/nginx/access.log -> /dev/stdout, alpine's
    // /etc/mtab -> ../proc/self/mounts). Not the links on PATH (the commands, `links` above) nor the usrmerge links at
    // / (bin -> usr/bin): a root lists its commands under /bin (shell/rootfs.ts). A link to a file whose bytes the
    // image does not hold (a library: size only) is left out with it.
    const parent = parentOf(p);
    const t = text(f);
    const mounted = e.type === 'symlink' && /^\/(dev|proc|sys)\//.test(joinPath(parent, e.target));
    if (e.type === 'symlink' && parent !== '/' && !pathDirs.has(parent) && (f?.type === 'dir' || t !== undefined || mounted)) {
      fileLinks[p] = e.target;
      continue;
    }
    // A size-only file's text, when known (tree.ts FileEntry.view: nginx's mime.types, fastcgi_params, …).
    if (t !== undefined) files[p] = t;
  }
  return { flavor: root.stat('/bin/busybox') ? 'busybox' : 'coreutils', commands: [...commands].sort(), files, links, fileLinks };
}

/** What a container needs of an image, whatever store holds it: its ID, short layer IDs, run config and root filesystem. */
export function describeImage(image: Image): Pick<ResolvedImage, 'id' | 'layers' | 'config' | 'flavor' | 'commands' | 'files' | 'links' | 'fileLinks'> {
  const c = image.config.config;
  return {
    id: image.id,
    layers: image.layers.map((l) => shortId(l.digest)),
    config: {
      User: c.User ?? '',
      Env: c.Env ?? [],
      Cmd: c.Cmd ?? null,
      Entrypoint: c.Entrypoint ?? null,
      WorkingDir: c.WorkingDir ?? '',
      ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts } : {}),
      ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
      ...(c.Labels ? { Labels: c.Labels } : {}),
      ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
      ...(c.Shell ? { Shell: c.Shell } : {}),
    },
    ...describeRootfs(image),
  };
}

/** An ImageSource over a materialized registry (amd64 images). */
export function registryImageSource(registry: Registry, arch = 'amd64'): ImageSource {
  const memo = new Map<string, ResolvedImage | undefined>();
  return {
    resolve(ref: string): ResolvedImage | undefined {
      if (memo.has(ref)) return memo.get(ref);
      let out: ResolvedImage | undefined;
      try {
        const r = tagNameOnly(parseNormalizedNamed(ref));
        const res = registry.resolve(r.domain, r.path, r.digest ? { digest: r.digest } : { tag: r.tag }, true);
        const image = res.ok ? Registry.platformImage(res.record, arch) : undefined;
        if (res.ok && image) {
          const repo = familiarName(r);
          out = {
            ref: `${repo}:${r.tag || r.digest}`,
            repo,
            tag: r.tag,
            digest: res.record.digest,
            ...describeImage(image),
          };
        }
      } catch {
        out = undefined;
      }
      memo.set(ref, out);
      return out;
    },
  };
}

/**
 * The directories of an image's merged root filesystem (whiteouts and opaque
 * dirs applied), and its executable regular files (absolute paths).
 */
export function imagePaths(image: Image): ImagePaths {
  // Computed once per image, as describeRootfs is; callers only read it.
  let d = pathsOf.get(image);
  if (!d) pathsOf.set(image, (d = listPaths(image)));
  return d;
}

/**
 * An image's directories and executables, and the mode and owner of each entry that differs from what a root
 * gives a path by default (0755 for a directory, 0644 for a file, root:root): the layer tar headers' Mode, Uid and
 * Gid (a RUN step's `chmod 4755`, `mkdir -m 700`, `chown`; alpine's /tmp 1777, /etc/shadow 0640 root:shadow).
 */
export interface ImagePaths {
  dirs: string[];
  executables: string[];
  /** path → [mode (permission bits and setuid, setgid, sticky), uid, gid] */
  meta: Record<string, [number, number, number]>;
  /** path → the mtime its layer's tar header gives it (ms; its build step's time), for entries that have one. */
  times: Record<string, number>;
}

const pathsOf = new WeakMap<Image, ImagePaths>();

function listPaths(image: Image): ImagePaths {
  const merged = mergeLayers(image.layers.map((l) => l.tree));
  // The PATH directories stay implicit: the shell finds commands in its registry when /usr/bin is absent.
  const onPath = new Set(['/', '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  const dirs: string[] = [];
  const executables: string[] = [];
  const meta: Record<string, [number, number, number]> = {};
  const times: Record<string, number> = {};
  // An image with busybox's applet links gets its PATH directories as they are (the shell's rootfs.ts lays them out).
  const busybox = merged.has('/bin/busybox');
  for (const [p, e] of merged) {
    if (e.type === 'dir' && (busybox ? p !== '/' : !onPath.has(p))) dirs.push(p);
    else if (e.type === 'file' && (e.mode & 0o111) !== 0) executables.push(p);
    if (e.type === 'whiteout' || p === '/') continue;
    if (e.mtime > 0) times[p] = e.mtime * 1000;
    const mode = e.mode & 0o7777;
    const usual = e.type === 'dir' ? 0o755 : e.type === 'file' ? 0o644 : mode;
    if (mode !== usual || e.uid !== 0 || e.gid !== 0) meta[p] = [mode, e.uid, e.gid];
  }
  return { dirs, executables, meta, times };
}
