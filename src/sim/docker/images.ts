/**
 * What the daemon and the shell know of an image: its run config, its flavour
 * (busybox or coreutils wording), its commands, text files and directories.
 * Built from the content-addressed store by `DaemonImages.describe()`
 * (docker/imagestore.ts); `ImageSource` is the same view behind a synchronous
 * resolve (`registryImageSource` in src/sim/image/adapter.ts).
 */
export type { Flavor } from '../runtime/roots.ts';
import type { Flavor } from '../runtime/roots.ts';
import { HOST_PLATFORM, platformMatches, type Platform } from '../image/platform.ts';

export interface ImageConfig {
  User: string;
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  WorkingDir: string;
  ExposedPorts?: Record<string, object>;
  StopSignal?: string;
}

export interface ResolvedImage {
  /** Normalised reference as Docker prints it: `nginx:latest`, `alpine:3.18`. */
  ref: string;
  repo: string;
  tag: string;
  /** sha256:<64 hex> of the config */
  id: string;
  /** Manifest digest for `Digest:` and RepoDigests. */
  digest: string;
  /** Short layer ids shown while pulling. */
  layers: string[];
  config: ImageConfig;
  flavor: Flavor;
  /** Commands present in the image besides the shell built-ins. */
  commands: string[];
  /** Files of the root filesystem (path → content). */
  files: Record<string, string>;
  /** Directories of the root filesystem (so empty ones like /tmp exist). */
  dirs?: string[];
  /** Symbolic links in the PATH directories (path → target): busybox's applets in alpine. */
  links?: Record<string, string>;
  /** Modes and owners that differ from a root's defaults (path → [mode, uid, gid]; image/adapter.ts imagePaths). */
  meta?: Record<string, [number, number, number]>;
  /** Absolute paths of the image's executable files (an ENTRYPOINT like /entrypoint.sh or /hello). */
  executables?: string[];
  /** The image config's Os, Architecture and Variant (linux/amd64 when absent). */
  platform?: Platform;
}

export interface ImageSource {
  /** undefined when the repository or tag does not exist in the registry. */
  resolve(ref: string): ResolvedImage | undefined;
}

/**
 * An image built for another architecture than node1's (linux/amd64): node1 registers no binfmt_misc handler (no
 * qemu-user-static), so the kernel's execve fails with ENOEXEC. The path runc init exec'd when the image is foreign: runc@v1.1.14:libcontainer/standard_init_linux.go resolves
 * argv[0] with exec.LookPath over the container's PATH (a name with a slash as it is), then system.Exec wraps the
 * error as &os.PathError{Op: "exec", Path: name} (libcontainer/system/linux.go). Undefined for a native image.
 */
export function foreignExecPath(img: ResolvedImage, argv0: string, path: string): string | undefined {
  if (!img.platform || platformMatches(HOST_PLATFORM, img.platform)) return undefined;
  if (argv0.includes('/')) return argv0;
  for (const dir of path.split(':')) {
    const p = `${dir || '.'}/${argv0}`;
    if (img.links?.[p] !== undefined || img.executables?.includes(p)) return p;
  }
  return undefined;
}
