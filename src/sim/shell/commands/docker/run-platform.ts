/**
 * `docker run --platform` / `docker create --platform` (and $DOCKER_DEFAULT_PLATFORM): the client parses it
 * (docker/cli@v27.3.1:cli/command/container/create.go createContainer, containerd/platforms v0.2.1 Parse), the
 * daemon holds the local image to it (moby@v27.3.1:daemon/images/image.go getImage) or, when none was asked for,
 * warns that the image is not the host's (moby@v27.3.1:daemon/create.go containerCreate).
 */
import type { ResolvedImage } from '../../../docker/images.ts';
import { formatPlatform, HOST_PLATFORM, parsePlatform, platformMatches, type Platform } from '../../../image/platform.ts';
import type { CmdEnv } from '../../types.ts';

const LINUX_AMD64: Platform = { os: 'linux', architecture: 'amd64' };

/** The --platform value, or the environment's default (docker/cli@v27.3.1:cli/command/utils.go AddPlatformFlag). */
export function requestedPlatform(flag: string | undefined, env: CmdEnv): string {
  return flag ?? env.env.get('DOCKER_DEFAULT_PLATFORM') ?? '';
}

/**
 * The client's parse: the platform, or its error as createContainer wraps it
 * (errors.Wrap(errdefs.InvalidParameter(err), "error parsing specified platform")).
 */
export function clientPlatform(spec: string): Platform | { error: string } | undefined {
  if (!spec) return undefined;
  const p = parsePlatform(spec);
  return typeof p === 'string' ? { error: `error parsing specified platform: ${p}` } : p;
}

/**
 * The daemon's view of the image for ContainerCreate: with a platform, an error when the image is another one
 * (getImage's NotFound, seen when the pull could not fix it: --pull=never, or a single-platform image); without,
 * the warning for an image the host does not run natively (OnlyPlatformWithFallback(maximumSpec())).
 */
export function createPlatformCheck(img: ResolvedImage, asked: string, want: Platform | undefined): { error?: string; warning?: string } {
  const have = img.platform ?? LINUX_AMD64;
  if (want) {
    if (platformMatches(want, have)) return {};
    return {
      error: `image with reference ${asked} was found but does not match the specified platform: wanted ${formatPlatform(want)}, actual: ${formatPlatform(have)}`,
    };
  }
  if (platformMatches(HOST_PLATFORM, have)) return {};
  return {
    warning: `The requested image's platform (${formatPlatform(have)}) does not match the detected host platform (${formatPlatform(HOST_PLATFORM)}) and no specific platform was requested`,
  };
}
