/**
 * What the daemon and the shell know of an image: its run config, its flavour
 * (busybox or coreutils wording), its commands, text files and directories.
 * Built from the content-addressed store by `DaemonImages.describe()`
 * (docker/imagestore.ts); `ImageSource` is the same view behind a synchronous
 * resolve (`registryImageSource` in src/sim/image/adapter.ts).
 */
export type { Flavor } from '../runtime/roots.ts';
import type { Flavor } from '../runtime/roots.ts';

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
  /** Absolute paths of the image's executable files (an ENTRYPOINT like /entrypoint.sh or /hello). */
  executables?: string[];
}

export interface ImageSource {
  /** undefined when the repository or tag does not exist in the registry. */
  resolve(ref: string): ResolvedImage | undefined;
}
