/**
 * What dockerd keeps under /var/lib/docker for the images and containers it has, laid out on the host's disk before
 * each host line (with the volumes: storagefs.ts syncHostVolumes). The layout is moby v27.3.1's:
 * - overlay2/<cache-id>/ per image layer (daemon/graphdriver/overlay2/overlay.go Create): `diff/`, `link` (the
 *   26-character short name, no newline), and for a layer with parents `lower` ("l/SHORT:l/SHORT…", nearest parent
 *   first) and `work/`; `committed` once the layer is an image's (ApplyDiff). The container's `<rw-id>-init` and `<rw-id>`
 *   layers likewise, with `merged/` while it runs. overlay2/l/SHORT is a link to ../<cache-id>/diff (mkdir + symlink
 *   in Create). The cache ids and short names are the ones `docker inspect` and the mount table show (image/container-fs.ts).
 * - image/overlay2/imagedb/content/sha256/<image id>: the image's config, whose sha256 is its id (image/fs.go Set);
 *   image/overlay2/layerdb/sha256/<chain id>/ with `cache-id`, `diff` (the diff id) and `size` (layer/filestore.go).
 * - containers/<id>/ (daemon/container.go newContainer, container/container_unix.go): hostname, hosts, resolv.conf,
 *   the json-file log <id>-json.log (its lines are not written here), and the empty `checkpoints/` and `mounts/`;
 *   hostconfig.json, the HostConfig json.NewEncoder writes (container/container.go WriteHostConfig: `docker inspect`'s,
 *   except Links, kept as given, which inspect rebuilds: daemon/inspect.go; with a newline; 0600).
 * - image/overlay2/repositories.json: the reference store, json.Marshal'd (reference/store.go save: no newline, 0600,
 *   written when the daemon first starts): each repository's familiar name → familiar tag or digest reference → image ID.
 * Not written: the layers' own files under diff/ (ls lists a container's upperdir: commands/overlay2-ls.ts),
 * config.v2.json, tar-split.json.gz and the distribution metadata.
 */
import type * as JB from 'just-bash';
import type { Daemon } from '../docker/daemon.ts';
import type { Container } from '../docker/container.ts';
import { layerCacheId, linkId, OVERLAY2 } from '../image/container-fs.ts';
import { chainIds } from '../image/digest.ts';
import { hostsFile, resolvConf } from '../net/files.ts';
import type { Host } from '../host.ts';
import type { Volume } from '../image/volumes.ts';
import type { SimFs } from './simfs.ts';
import { goJson } from '../image/tarexport.ts';
import { familiarKey } from '../image/store.ts';
import { inspectHostConfig } from './commands/docker/inspect-order.ts';
import { syncHostVolumes } from './storagefs.ts';
import { attached } from '../attached.ts';
import { macrotask } from './limits.ts';

type Want = Map<string, { dir: true } | { data: string; mode: number } | { link: string }>;

const IMAGEDB = '/var/lib/docker/image/overlay2';

/** The layer entries of one image (cached by image id: the hashes are computed once). */
const imageCache = new Map<string, Promise<[string, { dir: true } | { data: string; mode: number } | { link: string }][]>>();

function imageEntries(image: { id: string; configBytes: Uint8Array; layers: readonly { diffId: string; size: number }[] }) {
  let p = imageCache.get(image.id);
  if (!p) {
    p = (async () => {
      const chains = await chainIds(image.layers.map((l) => l.diffId));
      const ids = await Promise.all(chains.map(layerCacheId));
      const links = await Promise.all(ids.map(linkId));
      const out: [string, { dir: true } | { data: string; mode: number } | { link: string }][] = [];
      out.push([`${IMAGEDB}/imagedb/content/sha256/${image.id.slice(7)}`, { data: new TextDecoder().decode(image.configBytes), mode: 0o600 }]);
      ids.forEach((id, i) => {
        const dir = `${OVERLAY2}/${id}`;
        out.push([`${dir}/diff`, { dir: true }], [`${dir}/link`, { data: links[i] as string, mode: 0o644 }], [`${dir}/committed`, { data: '', mode: 0o600 }]);
        if (i > 0) out.push([`${dir}/lower`, { data: lowerOf(links.slice(0, i)), mode: 0o644 }], [`${dir}/work`, { dir: true }]);
        out.push([`${OVERLAY2}/l/${links[i]}`, { link: `../${id}/diff` }]);
        const db = `${IMAGEDB}/layerdb/sha256/${(chains[i] as string).slice(7)}`;
        out.push([`${db}/cache-id`, { data: id, mode: 0o644 }], [`${db}/diff`, { data: image.layers[i]?.diffId ?? '', mode: 0o644 }]);
        out.push([`${db}/size`, { data: String(image.layers[i]?.size ?? 0), mode: 0o644 }]);
      });
      return out;
    })();
    imageCache.set(image.id, p);
  }
  return p;
}

/** reference/store.go refStore: {"Repositories": {FamiliarName: {FamiliarString: image ID}}}, Go's maps with sorted keys. */
function repositoriesJson(images: readonly { image: { id: string }; tags: Set<string>; digests: Set<string> }[]): string {
  const repos: Record<string, Record<string, string>> = {};
  for (const li of images)
    for (const key of [...li.tags, ...li.digests]) {
      const ref = familiarKey(key);
      const name = ref.slice(0, ref.includes('@') ? ref.indexOf('@') : ref.lastIndexOf(':'));
      (repos[name] ??= {})[ref] = li.image.id;
    }
  const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return goJson({ Repositories: sorted(Object.fromEntries(Object.entries(repos).map(([k, v]) => [k, sorted(v)]))) });
}

/** overlay.go getLower: the parent's link first, then the parent's own lowers. */
const lowerOf = (parentLinks: readonly string[]) =>
  [...parentLinks]
    .reverse()
    .map((l) => `l/${l}`)
    .join(':');

/** hostconfig.json's text, made again only when what it is made of changed (the HostConfig, the name, whether it started). */
const hostConfigs = attached<Container, { hc: unknown; name: string; started: boolean; data: string }>('hostConfigs');
function hostConfigJson(c: Container): string {
  const had = hostConfigs.get(c);
  if (had && had.name === c.name && had.started === Boolean(c.startedMs) && sameValue(had.hc, c.hostConfig)) return had.data;
  const data = `${goJson({ ...inspectHostConfig(c), Links: c.hostConfig.Links?.length ? c.hostConfig.Links : null })}\n`;
  // A copy of the top level: HostConfig's fields are set whole, never changed inside (docker update sets hc.Memory,
  // hc.RestartPolicy…: commands/docker/update.ts), so the nested values compare by identity at once.
  hostConfigs.set(c, { hc: { ...c.hostConfig }, name: c.name, started: Boolean(c.startedMs), data });
  return data;
}

/** Plain data compared in depth, allocating nothing (a HostConfig against the copy kept of it). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}

/**
 * What `wanted` is made of, as a flat list compared with the last line's: the images (their objects, tags and digests)
 * and, per container, its object, status, name and hostname, its /etc/hosts and resolv.conf, its HostConfig (as
 * hostconfig.json was last made of it) and its layers. Most lines change none of it: then nothing else is worked out.
 */
function inputsOf(daemon: Daemon, gateway: string): unknown[] {
  const lib = daemon.lib;
  const out: unknown[] = [lib, gateway];
  if (!lib) return out;
  for (const li of lib.store.all()) {
    out.push(li.image, li.tags.size, li.digests.size);
    for (const t of li.tags) out.push(t);
    for (const d of li.digests) out.push(d);
  }
  for (const c of daemon.containers.values()) {
    const r = lib.rootfs.get(c.id);
    const had = hostConfigs.get(c);
    const hc = had && had.name === c.name && had.started === Boolean(c.startedMs) && sameValue(had.hc, c.hostConfig);
    out.push(
      c,
      c.id,
      c.status,
      c.config.Hostname,
      hc,
      hostsFile(daemon.net, c),
      resolvConf(daemon.net, c, gateway),
      r,
      r?.graphDriver.UpperDir,
      r?.links.length,
    );
    for (const l of r?.links ?? []) out.push(l);
  }
  return out;
}
const inputs = attached<object, unknown[]>('inputs');

/** repositories.json's text, made again only when an image's tags or digests changed. */
let repositories: { sig: string; data: string } | undefined;
function repositoriesFor(images: readonly { image: { id: string }; tags: Set<string>; digests: Set<string> }[]): string {
  let sig = '';
  for (const li of images) {
    sig += `${li.image.id}\0`;
    for (const t of li.tags) sig += `${t}\0`;
    sig += '\n';
    for (const d of li.digests) sig += `${d}\0`;
    sig += '\n';
  }
  if (repositories?.sig !== sig) repositories = { sig, data: repositoriesJson(images) };
  return repositories.data;
}

/** Everything dockerd would have under /var/lib/docker now (beyond its fixed directories: fs/docker-root.ts). */
async function wanted(daemon: Daemon, gateway: string): Promise<Want> {
  const want: Want = new Map();
  const lib = daemon.lib;
  if (!lib) return want;
  for (const li of lib.store.all()) for (const [p, e] of await imageEntries(li.image)) want.set(p, e);
  want.set(`${IMAGEDB}/repositories.json`, { data: repositoriesFor(lib.store.all()), mode: 0o600 });
  for (const c of daemon.containers.values()) {
    const dir = `/var/lib/docker/containers/${c.id}`;
    for (const d of ['checkpoints', 'mounts']) want.set(`${dir}/${d}`, { dir: true });
    want.set(`${dir}/hostname`, { data: `${c.config.Hostname}\n`, mode: 0o644 });
    want.set(`${dir}/hosts`, { data: hostsFile(daemon.net, c) ?? '', mode: 0o644 });
    want.set(`${dir}/resolv.conf`, { data: resolvConf(daemon.net, c, gateway) ?? '', mode: 0o644 });
    want.set(`${dir}/${c.id}-json.log`, { data: '', mode: 0o640 });
    want.set(`${dir}/hostconfig.json`, { data: hostConfigJson(c), mode: 0o600 });
    const r = lib.rootfs.get(c.id);
    if (!r) continue;
    const rw = /overlay2\/([^/]+)\/diff$/.exec(r.graphDriver.UpperDir)?.[1] as string;
    // rootfs.links: the init layer's short name, then the image's layers from the top.
    const [initLink, ...imageLinks] = r.links;
    const rwLink = await linkId(rw);
    for (const [id, link, lower] of [
      [`${rw}-init`, initLink as string, imageLinks.map((l) => `l/${l}`).join(':')],
      [rw, rwLink, r.links.map((l) => `l/${l}`).join(':')],
    ] as const) {
      want.set(`${OVERLAY2}/${id}/diff`, { dir: true });
      want.set(`${OVERLAY2}/${id}/work`, { dir: true });
      want.set(`${OVERLAY2}/${id}/link`, { data: link, mode: 0o644 });
      if (lower) want.set(`${OVERLAY2}/${id}/lower`, { data: lower, mode: 0o644 });
      want.set(`${OVERLAY2}/l/${link}`, { link: `../${id}/diff` });
    }
    if (c.status === 'running') want.set(`${OVERLAY2}/${rw}/merged`, { dir: true });
  }
  return want;
}

/** What this sync wrote last time, per filesystem: each path and its data (so changes are rewritten and what went away is removed). */
const written = attached<object, Map<string, string>>('written');

/** What `written` keeps of an entry: its data, `/` for a directory, `@TARGET` for a link. */
const keyOf = (e: Want extends Map<string, infer E> ? E : never) => ('dir' in e ? '/' : 'data' in e ? e.data : `@${e.link}`);

/** Whether every wanted entry is as written last time. */
function same(want: Want, had: Map<string, string>): boolean {
  for (const [p, e] of want) if (had.get(p) !== keyOf(e)) return false;
  return true;
}

/** The directory an entry belongs to: one layer's, one container's, one layerdb chain's (removed as a whole). */
function ownerDir(p: string): string {
  const m = /^(\/var\/lib\/docker\/(?:overlay2\/(?!l\/)[^/]+|containers\/[^/]+|image\/overlay2\/layerdb\/sha256\/[^/]+))\//.exec(p);
  return m ? (m[1] as string) : p;
}

/** Modes of the directories moby makes (overlay.go Create: the layer's 0710; daemon/container.go: a container's 0710). */
const dirMode = (d: string) =>
  /^\/var\/lib\/docker\/(overlay2|containers)\/[^/]+$/.test(d) && !d.endsWith('/l') ? 0o710 : d.endsWith('/work') ? 0o700 : 0o755;

/** Brings the host's /var/lib/docker in line with the daemon (new entries take the simulated clock's time). */
export async function syncDockerRoot(jb: typeof JB, base: SimFs, daemon: Daemon, gateway: string, nowMs: number): Promise<void> {
  const now0 = inputsOf(daemon, gateway);
  const before = inputs.get(base);
  if (before && before.length === now0.length && before.every((v, i) => v === now0[i])) return;
  inputs.set(base, now0);
  const want = await wanted(daemon, gateway);
  const had = written.get(base) ?? new Map<string, string>();
  // Most lines change nothing here: then nothing is written, removed or kept anew.
  let gone = false;
  for (const p of had.keys()) if (!want.has(p)) gone = true;
  if (!gone && want.size === had.size && same(want, had)) return;
  const mtime = new Date(nowMs);
  if (gone) {
    const keep = new Set([...want.keys()].map(ownerDir));
    for (const d of new Set([...had.keys()].map(ownerDir))) if (!keep.has(d)) await base.rm(d, { recursive: true, force: true }).catch(() => undefined);
  }
  // A directory already there (as a directory, not through a link) is found in just-bash's entries without resolving the path.
  const entries = (base as unknown as { data: Map<string, JB.FsEntry> }).data;
  const has = async (q: string) => entries.get(q)?.type === 'directory' || (await base.exists(q));
  const mkdirp = async (d: string) => {
    const missing: string[] = [];
    // Entries are kept under their real paths: below the nearest path that has one, a directory, nothing is there
    // (no link to resolve), so the paths without an entry are the missing ones. Else (a link on the way) ask the fs.
    let q = d;
    while (q && entries.get(q) === undefined) {
      missing.unshift(q);
      q = q.slice(0, q.lastIndexOf('/'));
    }
    if (q && entries.get(q)?.type !== 'directory') for (missing.length = 0, q = d; q && !(await has(q)); q = q.slice(0, q.lastIndexOf('/'))) missing.unshift(q);
    for (const q of missing) {
      base.mkdirSync(q, { recursive: true });
      base.own(q, dirMode(q), 0, 0);
      // What utimes(q, mtime, mtime) does on a live root (simfs.ts), in place: the new directory's times are the sync's.
      const e = entries.get(q);
      if (e) e.mtime = mtime;
      base.inodes.set(q, { uid: 0, gid: 0, atimeMs: nowMs, ctimeMs: nowMs, birthMs: nowMs });
    }
  };
  const now = new Map<string, string>();
  for (const [p, e] of want) {
    const key = keyOf(e);
    now.set(p, key);
    if (had.get(p) === key) continue;
    const dir = p.slice(0, p.lastIndexOf('/'));
    if (entries.get(dir)?.type !== 'directory') await mkdirp(dir);
    if ('dir' in e) await mkdirp(p);
    // The text is encoded when the file is first read (a line that writes here lists no more than it reads).
    else if ('data' in e) base.writeFileLazy(p, () => e.data, { mode: e.mode, mtime });
    else {
      await jb.InMemoryFs.prototype.symlink.call(base, e.link, p).catch(() => undefined);
      base.linkTimes.set(p, mtime);
    }
  }
  written.set(base, now);
}

/** Before each host line: the volumes' mounts (storagefs.ts) and dockerd's own files. */
export async function syncHostStorage(jb: typeof JB, fs: JB.MountableFs, daemon: Daemon, mounted: Map<string, Volume>, host: Host): Promise<void> {
  const lib = daemon.lib;
  if (!lib) return;
  syncHostVolumes(jb, fs, lib.volumes.all(), mounted, () => host.clock.nowMs);
  await syncDockerRoot(jb, (fs as unknown as { baseFs: SimFs }).baseFs, daemon, host.fixture.network.eth0.gateway, host.clock.nowMs);
}

/**
 * The same, started after a line in a macrotask: the line's output is out before it runs, and the next host line
 * waits for it (runtime.ts run) before its own syncHostStorage, which then finds nothing changed. A failure here is
 * left to that next call, which reports it.
 */
export async function syncHostStorageSoon(jb: typeof JB, fs: JB.MountableFs, daemon: Daemon, mounted: Map<string, Volume>, host: Host): Promise<void> {
  await macrotask();
  await syncHostStorage(jb, fs, daemon, mounted, host).catch(() => undefined);
}
