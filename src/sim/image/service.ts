/**
 * The daemon's image service: `docker pull`, `docker push`, `docker login`
 * over the local store and the registry, printing what Docker 27 prints on a
 * terminal once the progress bars have settled (one final status per layer).
 */
import { familiarName, familiarString, fullName, parseNormalizedNamed, referenceString, tagNameOnly, type ParsedReference } from '../../oci/reference.ts';
import { chainIds, sha256Digest, shortId, type Digest } from './digest.ts';
import { withFlavor, type Image } from './image.ts';
import { formatPlatform, imagePlatform, parsePlatform, platformMatches } from './platform.ts';
import { hostOnline, Registry, type RegistryHost } from './registry.ts';
import { type ImageStore, digestKey, tagKey, type CmdResult, type LocalImage } from './store.ts';

export interface PullResult extends CmdResult {
  image?: LocalImage;
}

const lines = (ls: string[]): string => ls.map((l) => l + '\n').join('');

/**
 * The digest of each byte array already hashed, by identity. The fixture registry's blobs, manifests and configs are
 * built once per process and shared by every world (bases/define.ts materialize), and content is never changed in
 * place (a changed blob is a new array: see the verification test), so each world's pull does not hash the same
 * megabytes again.
 */
const hashed = new WeakMap<Uint8Array, Promise<Digest>>();
function digestOf(bytes: Uint8Array): Promise<Digest> {
  let d = hashed.get(bytes);
  if (!d) hashed.set(bytes, (d = sha256Digest(bytes)));
  return d;
}

export class ImageService {
  /** Hosts `docker login` succeeded for, with the user name. */
  readonly logins = new Map<string, string>();
  /** The daemon's image events (set by docker/imagestore.ts bindDaemon). */
  onEvent: (action: string, id: string, attributes: Record<string, string>) => void = () => undefined;

  constructor(
    readonly store: ImageStore,
    readonly registry: Registry,
    readonly arch = 'amd64',
  ) {}

  /** `docker login [SERVER] -u USER -p PASS` (simulated: any non-empty credentials are accepted). */
  login(server: string | undefined, user: string, password: string): CmdResult {
    const host = !server || server === 'docker.io' || server === 'index.docker.io' || server.includes('docker.io/v1') ? 'docker.io' : server;
    if (!user || !password) return { stdout: '', stderr: 'Error: Cannot perform an interactive login from a non TTY device\n', exitCode: 1 };
    if (!this.registry.host(host)) {
      return {
        stdout: '',
        stderr: `Error response from daemon: Get "https://${host}/v2/": dial tcp: lookup ${host.split(':')[0]} on 127.0.0.53:53: no such host\n`,
        exitCode: 1,
      };
    }
    this.logins.set(host, user);
    return { stdout: 'Login Succeeded\n', stderr: '', exitCode: 0 };
  }

  logout(server?: string): CmdResult {
    const host = !server || server === 'docker.io' ? 'docker.io' : server;
    const had = this.logins.delete(host);
    const shown = host === 'docker.io' ? 'https://index.docker.io/v1/' : host;
    return { stdout: had ? `Removing login credentials for ${shown}\n` : `Not logged in to ${shown}\n`, stderr: '', exitCode: 0 };
  }

  private connectError(h: RegistryHost): string {
    const url = Registry.v2Url(h);
    if (h.name.startsWith('localhost')) {
      const port = h.name.split(':')[1] ?? '80';
      return `Get "${url}": dial tcp 127.0.0.1:${port}: connect: connection refused`;
    }
    return `Get "${url}": dial tcp: lookup ${h.name.split(':')[0]} on 127.0.0.53:53: no such host`;
  }

  /**
   * `docker pull NAME[:TAG|@DIGEST]`. With `forRun`, the output is what
   * `docker run` writes to stderr when the image is missing (no "Using default
   * tag", no final reference line, preceded by "Unable to find image … locally").
   */
  async pull(refString: string, opts: { forRun?: boolean; always?: boolean; platform?: string } = {}): Promise<PullResult> {
    let ref: ParsedReference;
    try {
      ref = parseNormalizedNamed(refString);
    } catch (e) {
      return { stdout: '', stderr: `${(e as Error).message}\n`, exitCode: 1 };
    }
    const out: string[] = [];
    if (ref.domain === 'docker.io' && ref.path === 'library/scratch') {
      return { stdout: '', stderr: "Error response from daemon: 'scratch' is a reserved name\n", exitCode: 1 };
    }
    if (!ref.tag && !ref.digest) {
      if (!opts.forRun) out.push('Using default tag: latest');
      ref = tagNameOnly(ref);
    }
    if (ref.tag && ref.digest) ref = { ...ref, tag: '' };
    // docker/cli@v27.3.1:cli/command/container/create.go createContainer: "Unable to find image" only when the
    // image is missing; --pull=always calls pullImage (the daemon's progress on stderr) with no such line.
    if (opts.forRun && !opts.always) out.unshift(`Unable to find image '${familiarString(ref)}' locally`);
    // moby@v27.3.1:api/server/router/image/image_routes.go postImagesCreate: platforms.Parse of the query's platform
    // (the client lowercases it: client/image_pull.go), an InvalidParameter before the pull starts.
    const platform = opts.platform ? parsePlatform(opts.platform.toLowerCase()) : undefined;
    if (typeof platform === 'string') return { stdout: lines(out), stderr: `Error response from daemon: ${platform}\n`, exitCode: 1 };
    const h = this.registry.host(ref.domain);
    await this.registry.load(ref.domain, ref.path);
    const res = this.registry.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, this.logins.has(ref.domain));
    if (!res.ok) {
      let msg: string;
      if (res.reason === 'unknown-host') msg = this.connectError({ name: ref.domain, insecure: false } as RegistryHost);
      else if (res.reason === 'offline') msg = this.connectError(h!);
      else if (res.reason === 'denied')
        msg = `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
      else msg = `manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`;
      const stream = opts.forRun
        ? { stdout: '', stderr: lines(out) + `docker: Error response from daemon: ${msg}.\nSee 'docker run --help'.\n` }
        : { stdout: lines(out), stderr: `Error response from daemon: ${msg}\n` };
      return { ...stream, exitCode: opts.forRun ? 125 : 1 };
    }
    const named = { ...ref, tag: ref.digest ? '' : ref.tag };
    const tk = ref.digest ? undefined : tagKey(named);
    const dk = digestKey({ ...ref, digest: res.record.digest });
    out.push(`${ref.digest || ref.tag}: Pulling from ${ref.path}`);
    // moby@v27.3.1:distribution/pull_v2.go pullTag writes "Pulling from" before pullManifestList looks for the
    // platform; noMatchesErr names the platform asked for, or DefaultSpec (pull_v2_unix.go formatPlatform).
    const image = Registry.platformImage(res.record, platform ?? this.arch);
    if (!image) {
      const msg = `no matching manifest for ${formatPlatform(platform ?? { os: 'linux', architecture: this.arch })} in the manifest list entries`;
      return opts.forRun
        ? { stdout: '', stderr: lines(out) + `docker: Error response from daemon: ${msg}.\nSee 'docker run --help'.\n`, exitCode: 125 }
        : { stdout: lines(out), stderr: `Error response from daemon: ${msg}\n`, exitCode: 1 };
    }
    const existing = this.store.get(image.id);
    const upToDate = existing !== undefined && (tk ? this.store.resolveTag(tk) === image.id : true) && existing.digests.has(dk);
    const bad = await this.verify(res.record.bytes, res.record.digest, image, res.host);
    if (bad) {
      const msg = `filesystem layer verification failed for digest ${bad}`;
      return opts.forRun
        ? { stdout: '', stderr: lines(out) + `docker: ${msg}.\nSee 'docker run --help'.\n`, exitCode: 125 }
        : { stdout: lines(out), stderr: `${msg}\n`, exitCode: 1 };
    }
    if (!existing) {
      const chains = await chainIds(image.layers.map((l) => l.diffId));
      image.layers.forEach((l, i) => {
        out.push(`${shortId(l.digest)}: ${this.store.hasChain(chains[i]!) ? 'Already exists' : 'Pull complete'}`);
      });
    }
    const li = await this.store.add(image);
    if (tk) this.store.setTag(tk, image.id);
    this.store.addDigest(dk, image.id);
    out.push(`Digest: ${res.record.digest}`);
    out.push(`Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${familiarString(named)}`);
    // moby@v27.3.1:distribution/pull.go Pull: ImageEventLogger(FamiliarString(ref), FamiliarName(repo), "pull"); the
    // event's attributes are the image's labels and name (daemon/images/image_events.go LogImageEvent).
    this.onEvent('pull', familiarString(named), { ...(image.config.config.Labels ?? {}), name: familiarName(named) });
    if (opts.forRun) return { stdout: '', stderr: lines(out), exitCode: 0, image: li };
    out.push(referenceString(named));
    return { stdout: lines(out), stderr: '', exitCode: 0, image: li };
  }

  /**
   * Checks what was fetched, as the daemon does: the manifest bytes hash to the
   * digest asked for, the config to the image ID, each blob the registry serves
   * to its layer digest. Returns the first digest that does not verify.
   */
  private async verify(manifestBytes: Uint8Array, digest: Digest, image: Image, host: RegistryHost): Promise<Digest | undefined> {
    if ((await digestOf(manifestBytes)) !== digest) return digest;
    if ((await digestOf(image.configBytes)) !== image.id) return image.id;
    for (const l of image.layers) {
      const blob = host.blobs.get(l.digest);
      if (!blob || (await digestOf(blob)) !== l.digest) return l.digest;
    }
    return undefined;
  }

  /**
   * What containerd reports to the kubelet for a pull: on success the
   * `imageID` of a pod's containerStatuses (`docker.io/library/nginx@sha256:…`,
   * the digest the tag resolved to) and the config digest; on failure the
   * message of the `Failed to pull image` event (CURRICULUM §3).
   */
  async criPull(
    refString: string,
  ): Promise<
    | { ok: true; imageID: string; image: Image; target: { mediaType: string; digest: Digest; platforms: string[] } }
    | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName'; message: string }
  > {
    let ref: ParsedReference;
    try {
      ref = tagNameOnly(parseNormalizedNamed(refString));
    } catch (e) {
      return {
        ok: false,
        reason: 'InvalidImageName',
        message: `Failed to apply default image tag "${refString}": couldn't parse image name "${refString}": ${(e as Error).message}`,
      };
    }
    const full = referenceString(ref);
    await this.registry.load(ref.domain, ref.path);
    const res = this.registry.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, this.logins.has(ref.domain));
    const image = res.ok ? Registry.platformImage(res.record, this.arch) : undefined;
    if (!res.ok || !image) {
      const why =
        res.ok || res.reason === 'no-manifest'
          ? `code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`
          : res.reason === 'denied' || res.reason === 'no-repo'
            ? `code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
            : `code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": failed to do request: Head "${Registry.v2Url(this.registry.host(ref.domain) ?? { name: ref.domain, insecure: false })}manifests/${ref.tag}": dial tcp: lookup ${ref.domain} on 127.0.0.53:53: no such host`;
      return { ok: false, reason: 'ErrImagePull', message: `Failed to pull image "${refString}": rpc error: ${why}` };
    }
    // What the ref points at in containerd's image store (ctr images ls: TYPE, DIGEST, PLATFORMS).
    const platforms = res.record.index
      ? res.record.index.index.manifests
          .map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}${m.platform.variant ? `/${m.platform.variant}` : ''}` : ''))
          .filter(Boolean)
      : [`${image.config.os}/${image.config.architecture}${image.config.variant ? `/${image.config.variant}` : ''}`];
    return {
      ok: true,
      imageID: `${fullName(ref)}@${res.record.digest}`,
      image,
      target: { mediaType: res.record.mediaType, digest: res.record.digest, platforms },
    };
  }

  /** The image `docker run` would use: local if present, else pulled (output for stderr). */
  async ensure(refString: string, platform?: string, always = false): Promise<PullResult> {
    if (always) return this.pull(refString, { forRun: true, always, ...(platform ? { platform } : {}) });
    const local = this.store.lookup(refString);
    const want = platform ? parsePlatform(platform.toLowerCase()) : undefined;
    // moby@v27.3.1:daemon/images/image.go getImage: a local image of another platform than --platform's is NotFound,
    // so the CLI pulls that platform (cli/command/container/create.go createContainer).
    if (local && (typeof want !== 'object' || platformMatches(want, imagePlatform(local.image)))) return { stdout: '', stderr: '', exitCode: 0, image: local };
    return this.pull(refString, { forRun: true, ...(platform ? { platform } : {}) });
  }

  /** `docker push NAME[:TAG]`. Pushes with Docker v2 schema 2 media types, as Docker 27's classic store does. */
  async push(refString: string): Promise<CmdResult> {
    let ref: ParsedReference;
    try {
      ref = parseNormalizedNamed(refString);
    } catch (e) {
      return { stdout: '', stderr: `${(e as Error).message}\n`, exitCode: 1 };
    }
    const out: string[] = [];
    if (ref.digest) return { stdout: '', stderr: 'Error response from daemon: cannot push a digest reference\n', exitCode: 1 };
    if (!ref.tag) {
      out.push('Using default tag: latest');
      ref = tagNameOnly(ref);
    }
    out.push(`The push refers to repository [${fullName(ref)}]`);
    const id = this.store.resolveTag(tagKey(ref));
    const li = id ? this.store.get(id) : undefined;
    if (!li) return { stdout: lines(out), stderr: `An image does not exist locally with the tag: ${fullName(ref)}\n`, exitCode: 1 };
    const h = this.registry.host(ref.domain);
    if (!h || !hostOnline(h)) {
      const err = this.connectError(h ?? ({ name: ref.domain, insecure: false } as RegistryHost));
      return { stdout: lines(out), stderr: `${err}\n`, exitCode: 1 };
    }
    const image: Image = await withFlavor(li.image, 'docker');
    const top = [...image.layers].reverse();
    if (ref.domain === 'docker.io') {
      const user = this.logins.get('docker.io');
      if (!user || !ref.path.startsWith(user + '/')) {
        for (const l of top) out.push(`${shortId(l.diffId)}: Preparing`);
        return { stdout: lines(out), stderr: 'denied: requested access to the resource is denied\n', exitCode: 1 };
      }
    }
    await this.registry.load(ref.domain, ref.path);
    const repo = this.registry.ensureRepo(ref.domain, ref.path);
    const inRepo = new Set<string>();
    for (const rec of repo.manifests.values()) {
      const imgs = rec.image ? [rec.image] : (rec.index?.images ?? []);
      for (const i of imgs) for (const l of i.layers) inRepo.add(l.digest);
    }
    for (const l of top) {
      let status = 'Pushed';
      if (inRepo.has(l.digest)) status = 'Layer already exists';
      else if (h.blobs.has(l.digest)) {
        const from = [...h.repos].find(([, r]) =>
          [...r.manifests.values()].some((rec) =>
            (rec.image ? [rec.image] : (rec.index?.images ?? [])).some((i) => i.layers.some((x) => x.digest === l.digest)),
          ),
        );
        status = from ? `Mounted from ${from[0]}` : 'Layer already exists';
      }
      out.push(`${shortId(l.diffId)}: ${status}`);
    }
    const digest: Digest = this.registry.putImage(ref.domain, ref.path, image);
    this.registry.setTag(ref.domain, ref.path, ref.tag, digest);
    this.store.addDigest(digestKey({ ...ref, tag: '', digest }), li.image.id);
    out.push(`${ref.tag}: digest: ${digest} size: ${image.manifestBytes.length}`);
    return { stdout: lines(out), stderr: '', exitCode: 0 };
  }
}
