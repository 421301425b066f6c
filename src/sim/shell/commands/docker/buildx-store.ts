/**
 * buildx's store of builder instances (docker/buildx@v0.17.1:store/store.go, store/nodegroup.go, store/util.go,
 * store/storeutil/storeutil.go), in root's config directory as buildx keeps it (confutil.ConfigDir:
 * ~/.docker/buildx): instances/NAME (the NodeGroup as json.Marshal writes it), activity/NAME (RFC 3339) and
 * `current` ({"Key","Name","Global"}). The store is written by create, use and rm only; nothing is made by
 * reading it (real buildx makes the empty directories on its first run: a difference no lesson shows).
 * Besides the instances there is the builder of each Docker context: node1 has one context, "default",
 * whose builder uses the docker driver (buildx-ls.ts).
 */
import type { CmdEnv } from '../../types.ts';

export const STORE = '/root/.docker/buildx';
/** dockerutil.GetCurrentEndpoint for the default context: its Docker host, the key `current` is saved under. */
export const ENDPOINT = 'unix:///var/run/docker.sock';

/** store.Platform as ocispec.Platform marshals it (omitempty fields left out). */
export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

export interface StoreNode {
  Name: string;
  Endpoint: string;
  Platforms: Platform[] | null;
  DriverOpts: Record<string, string> | null;
  Flags: string[] | null;
  Files: null;
}

export interface NodeGroup {
  Name: string;
  Driver: string;
  Nodes: StoreNode[];
  Dynamic: boolean;
}

type Fs = CmdEnv['fs'];

/** store/util.go ValidateName: the name, lower-cased, or the error. */
export function validateName(s: string): { name: string } | { error: string } {
  if (!/^[a-zA-Z][a-zA-Z0-9.\-_]*$/.test(s)) return { error: `invalid name ${s}, name needs to start with a letter and may not contain symbols, except ._-` };
  return { name: s.toLowerCase() };
}

/** Txn.NodeGroupByName: the group, or the error (os.ReadFile's when there is none: `notExist`). */
export async function byName(fs: Fs, s: string): Promise<{ ng: NodeGroup } | { error: string; notExist?: true }> {
  const v = validateName(s);
  if ('error' in v) return v;
  const path = `${STORE}/instances/${v.name}`;
  const text = await fs.readFile(path).catch(() => undefined);
  if (text === undefined) return { error: `open ${path}: no such file or directory`, notExist: true };
  return { ng: JSON.parse(text) as NodeGroup };
}

/** Txn.List: every instance, by name. */
export async function list(fs: Fs): Promise<NodeGroup[]> {
  const names = await fs.readdir(`${STORE}/instances`).catch(() => [] as string[]);
  const out: NodeGroup[] = [];
  for (const n of names) {
    const r = await byName(fs, n);
    if ('ng' in r) out.push(r.ng);
  }
  return out.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

async function write(fs: Fs, path: string, text: string): Promise<void> {
  await fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  // ioutils.AtomicWriteFile(…, 0600).
  await fs.writeFile(path, text);
  await fs.chmod(path, 0o600);
}

/** Txn.Save: UpdateLastActivity (time.Now().UTC() in RFC 3339), then the group. */
export async function save(fs: Fs, ng: NodeGroup, nowMs: number): Promise<void> {
  await write(fs, `${STORE}/activity/${ng.Name}`, new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  await write(fs, `${STORE}/instances/${ng.Name}`, JSON.stringify(ng));
}

/** Txn.Remove: the activity record and the instance. */
export async function remove(fs: Fs, name: string): Promise<void> {
  await fs.rm(`${STORE}/activity/${name}`, { force: true });
  await fs.rm(`${STORE}/instances/${name}`, { force: true });
}

/** Txn.GetLastActivity: the time saved, or undefined. */
export async function lastActivity(fs: Fs, name: string): Promise<Date | undefined> {
  const t = await fs.readFile(`${STORE}/activity/${name}`).catch(() => undefined);
  return t ? new Date(t) : undefined;
}

/** Txn.SetCurrent(ENDPOINT, name, global, false); "" is the context's own builder. */
export async function setCurrent(fs: Fs, name: string, isGlobal: boolean): Promise<void> {
  await write(fs, `${STORE}/current`, JSON.stringify({ Key: ENDPOINT, Name: name, Global: isGlobal }));
}

/** Txn.Current: the instance `current` names, if it still exists (else the context's builder: undefined). */
export async function current(fs: Fs): Promise<NodeGroup | undefined> {
  const t = await fs.readFile(`${STORE}/current`).catch(() => undefined);
  if (!t) return undefined;
  const c = JSON.parse(t) as { Key: string; Name: string; Global: boolean };
  if (!c.Name || (!c.Global && c.Key !== ENDPOINT)) return undefined;
  const r = await byName(fs, c.Name);
  return 'ng' in r ? r.ng : undefined;
}

/**
 * builder.New's lookup (storeutil.GetNodeGroup): an instance by name, or the builder of the context of that name
 * ("default" is the current context's): undefined for the default builder; with no name, the current one.
 */
export async function resolve(fs: Fs, name: string | undefined): Promise<{ ng: NodeGroup | undefined } | { error: string }> {
  if (!name) return { ng: await current(fs) };
  const r = await byName(fs, name);
  if ('ng' in r) return r;
  if (!r.notExist) return r;
  if (name === 'default') return { ng: undefined };
  return { error: `no builder ${JSON.stringify(name)} found` };
}

/**
 * What booting a docker-container node does on node1 (docker/buildx@v0.17.1:builder/builder.go Boot, driver/boot.go,
 * driver/docker-container/driver.go Bootstrap → create): the daemon pulls bkimage.DefaultImage,
 * moby/buildkit:buildx-stable-1, which the fixture registry does not serve: the daemon's error as `docker pull`
 * gets it (the API client's "Error response from daemon: …"). Boot's printer is progress.NewPrinter(os.Stderr,
 * AutoMode), plain here (moby/buildkit util/progress/progressui printer.go printVtx, display.go printErrorLogs): the
 * "[internal] booting buildkit" vertex, its "pulling image" status opened and done (0.5s: the simulator's figure,
 * no upstream value), the vertex's error and the failed-vertex summary; then buildx's main prints "ERROR: …".
 * `undefined` if the pull succeeded: running BuildKit in a container is beyond the simulator (the caller says so).
 */
export async function bootError(env: CmdEnv): Promise<string | undefined> {
  const image = 'moby/buildkit:buildx-stable-1';
  const lib = await env.daemon.imageLib();
  const pulled = await lib.service.pull(image, {});
  if (pulled.exitCode === 0) return undefined;
  const err = pulled.stderr.trim().split('\n').pop() ?? '';
  return [
    '#1 [internal] booting buildkit',
    `#1 pulling image ${image}`,
    `#1 pulling image ${image} 0.5s done`,
    `#1 ERROR: ${err}`,
    '------',
    ' > [internal] booting buildkit:',
    '------',
    `ERROR: ${err}`,
    '',
  ].join('\n');
}

/**
 * What a command that talks to a docker-container builder's BuildKit gets when its container was never made
 * (driver/docker-container/driver.go Client → Dial → exec: ContainerExecCreate on "buildx_buildkit_" + the node's
 * name, driver.BuilderName): the daemon's no such container, printed by buildx's main.
 */
export const noContainer = (ng: NodeGroup): string =>
  `ERROR: Error response from daemon: No such container: buildx_buildkit_${ng.Nodes[0]?.Name ?? `${ng.Name}0`}\n`;
