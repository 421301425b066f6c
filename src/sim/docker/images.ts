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
  /** The image's LABELs, which a container's Config.Labels starts from (moby@v27.3.1:daemon/commit.go merge). */
  Labels?: Record<string, string>;
  /** HEALTHCHECK, merged into a container's config (docker/health.ts mergeHealthcheck), and SHELL (its CMD-SHELL). */
  Healthcheck?: NonNullable<import('./container.ts').ContainerConfig['Healthcheck']>;
  Shell?: string[];
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
  /**
   * The image's other symbolic links whose targets a container's root has (path → target): nginx's /etc/nginx/modules and
   * /var/log/nginx/access.log -> /dev/stdout, /var/run -> /run (image/adapter.ts describeRootfs).
   */
  fileLinks?: Record<string, string>;
  /** Modes and owners that differ from a root's defaults (path → [mode, uid, gid]; image/adapter.ts imagePaths). */
  meta?: Record<string, [number, number, number]>;
  /** path → mtime (ms) from the image's layers (image/adapter.ts imagePaths). */
  times?: Record<string, number>;
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

/** Go's exec.LookPath error text for a command the image does not run. */
export function lookPathError(img: ResolvedImage, argv0: string): string {
  if (!argv0.includes('/')) return 'executable file not found in $PATH';
  const path = argv0.startsWith('/') ? argv0 : `/${argv0.replace(/^\.\//, '')}`;
  const isDir = (img.dirs ?? []).includes(path.replace(/\/$/, '') || '/') || Object.keys(img.files).some((f) => f.startsWith(`${path.replace(/\/$/, '')}/`));
  if (path in img.files || isDir) return 'permission denied';
  return `stat ${argv0}: no such file or directory`;
}

export function imgHas(img: ResolvedImage, argv0: string): boolean {
  const base = argv0.split('/').pop() ?? '';
  // Shell built-ins exist only where there is a shell (not in scratch or distroless images).
  const shell = img.commands.includes('sh');
  if (img.executables?.includes(argv0)) return true;
  // A path names one file: the image's commands live in the standard bin directories.
  if (argv0.includes('/')) {
    const dir = argv0.slice(0, argv0.lastIndexOf('/')) || '/';
    if (!['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'].includes(dir)) return false;
  }
  return img.commands.includes(base) || (shell && ['echo', 'true', 'false', 'sh', 'test', 'printf', 'env'].includes(base));
}

/**
 * An image's entrypoint script whose last line is `exec "$@"` (nginx's /docker-entrypoint.sh, memcached's
 * docker-entrypoint.sh), run with a command the image does not have: dash's exec fails with its own message,
 * "<script>: <line>: exec: <name>: not found" (127) or ": Permission denied" (126), and the container exits with
 * that status (dash@0.5.12:src/exec.c shellexec, src/error.c exvwarning: arg0, then the line number, then the
 * builtin's name). The scripts: nginxinc/docker-nginx@1.25.5:mainline/debian/docker-entrypoint.sh (line 47) and the
 * memcached image's (line 9); node's runs an unknown command as `node "$@"` and is not this case.
 */
export function entrypointExecFailure(img: ResolvedImage, argv: readonly string[], path: string): { log: string; status: number } | undefined {
  const [script, cmd] = argv;
  if (script === undefined || cmd === undefined) return undefined;
  const file = script.includes('/')
    ? script
    : path
        .split(':')
        .map((d) => `${d}/${script}`)
        .find((p) => img.files[p] !== undefined);
  const text = file === undefined ? undefined : img.files[file];
  if (text === undefined || !text.startsWith('#!/bin/sh\n')) return undefined;
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[lines.length - 1] !== 'exec "$@"') return undefined;
  // The arguments each script hands to its own program before that exec.
  if (/^nginx(-debug)?$/.test(cmd) && text.includes('"$1" = "nginx"')) return undefined;
  if (cmd.startsWith('-') && text.includes('set -- memcached "$@"')) return undefined;
  // Only the scripts known here; another may rewrite "$@" first (registry's /entrypoint.sh: `set -- registry serve "$@"`).
  const known = text.includes('NGINX_ENTRYPOINT_QUIET_LOGS') || text.includes('set -- memcached "$@"');
  if (!known || imgHas(img, cmd)) return undefined;
  const denied = lookPathError(img, cmd) === 'permission denied';
  // nginx's script here lacks two comment lines of 1.25.5's (image/bases/nginx-files.ts NGINX_ENTRYPOINT: the layer's
  // bytes, and so the image's digests the lessons show, were fixed before); dash counts the real file's lines.
  const line = file === '/docker-entrypoint.sh' && text.includes('NGINX_ENTRYPOINT_QUIET_LOGS') ? 47 : lines.length;
  return { log: `${file}: ${line}: exec: ${cmd}: ${denied ? 'Permission denied' : 'not found'}`, status: denied ? 126 : 127 };
}

/**
 * nginx's /docker-entrypoint.sh configures and starts nginx only when its first argument is nginx or nginx-debug;
 * otherwise it ends in `exec "$@"`, so the process that runs is the command itself (`docker run --rm nginx ls /etc/nginx/conf.d`).
 */
export function entrypointExec(argv: string[]): string[] {
  if (argv[0] === '/docker-entrypoint.sh' && argv.length > 1 && argv[1] !== 'nginx' && argv[1] !== 'nginx-debug') return argv.slice(1);
  return argv;
}
