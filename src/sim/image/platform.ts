/**
 * OCI platforms as Docker 27.3.1 reads them: containerd/platforms v0.2.1 (vendored by docker/cli and moby
 * v27.3.1) Parse, Format and Normalize, the matching of `platforms.Only` that the simulator's images need
 * (linux/amd64 and linux/arm64/v8), and the daemon's host platform.
 */
import type { Image } from './image.ts';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** The client and the daemon are linux/amd64 binaries (Go's runtime.GOOS and runtime.GOARCH). */
const GOOS = 'linux';
const GOARCH = 'amd64';

/**
 * moby@v27.3.1:daemon/create.go maximumSpec: DefaultSpec with the amd64 variant that tonistiigi/go-archvariant
 * reads from CPUID. No source gives node1's CPU flags (/proc/cpuinfo names an Intel Xeon): x86-64-v3 (AVX2) is
 * assumed, as any Xeon since Haswell has.
 */
export const HOST_PLATFORM: Platform = { os: 'linux', architecture: 'amd64', variant: 'v3' };

// containerd/platforms@v0.2.1:database.go isKnownOS, isKnownArch.
const KNOWN_OS = 'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(' ');
const KNOWN_ARCH =
  '386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
    ' ',
  );

// containerd/platforms@v0.2.1:platforms.go specifierRe, osAndVersionRe (as Go's regexp String() prints them).
const SPECIFIER = '^[A-Za-z0-9_-]+$';
const OS_AND_VERSION = '^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.-]*)\\))?$';

/** containerd/platforms@v0.2.1:database.go normalizeOS. */
function normalizeOS(os: string): string {
  if (os === '') return GOOS;
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

/** containerd/platforms@v0.2.1:database.go normalizeArch. */
export function normalizeArch(archIn: string, variantIn: string): [string, string] {
  let arch = archIn.toLowerCase();
  let variant = variantIn.toLowerCase();
  switch (arch) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      arch = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      arch = 'arm64';
      if (variant === '8' || variant === 'v8') variant = '';
      break;
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (['5', '6', '8'].includes(variant)) variant = `v${variant}`;
      break;
  }
  return [arch, variant];
}

const withVariant = (os: string, architecture: string, variant: string): Platform => (variant ? { os, architecture, variant } : { os, architecture });

/**
 * containerd/platforms@v0.2.1:platforms.go Parse. A string is the error as Go prints it, with the wrapped
 * errInvalidArgument (errors.go: "invalid argument").
 */
export function parsePlatform(specifier: string): Platform | string {
  const invalid = ': invalid argument';
  const q = JSON.stringify;
  if (specifier.includes('*')) return `${q(specifier)}: wildcards not yet supported${invalid}`;
  // strings.SplitN(specifier, "/", 4)
  const all = specifier.split('/');
  const parts = all.length > 4 ? [...all.slice(0, 3), all.slice(3).join('/')] : all;
  const osVer = new RegExp(OS_AND_VERSION).exec(parts[0] as string);
  if (!osVer) return `${q(parts[0])} is an invalid OS component of ${q(specifier)}: OSAndVersion specifier component must match ${q(OS_AND_VERSION)}${invalid}`;
  const os = normalizeOS(osVer[1] as string);
  for (const part of parts.slice(1))
    if (!new RegExp(SPECIFIER).test(part))
      return `${q(part)} is an invalid component of ${q(specifier)}: platform specifier component must match ${q(SPECIFIER)}${invalid}`;
  if (parts.length === 1) {
    if (KNOWN_OS.includes(os)) return { os, architecture: GOARCH };
    let [arch, variant] = normalizeArch(parts[0] as string, '');
    if (arch === 'arm' && variant === 'v7') variant = '';
    if (KNOWN_ARCH.includes(arch)) return withVariant(GOOS, arch, variant);
    return `${q(specifier)}: unknown operating system or architecture${invalid}`;
  }
  if (parts.length === 2) {
    let [arch, variant] = normalizeArch(parts[1] as string, '');
    if (arch === 'arm' && variant === 'v7') variant = '';
    return withVariant(os, arch, variant);
  }
  if (parts.length === 3) {
    let [arch, variant] = normalizeArch(parts[1] as string, parts[2] as string);
    if (arch === 'arm64' && variant === '') variant = 'v8';
    return withVariant(os, arch, variant);
  }
  return `${q(specifier)}: cannot parse platform specifier${invalid}`;
}

/** containerd/platforms@v0.2.1:platforms.go Format (path.Join: empty parts drop out). */
export function formatPlatform(p: Platform): string {
  if (!p.os) return 'unknown';
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/**
 * platforms.Only(want) for the images the simulator has, with moby's fallback (moby@v27.3.1:daemon/images/image.go
 * OnlyPlatformWithFallback): the same OS and architecture after Normalize; an arm64 variant is v8 when absent, and an
 * amd64 request of variant vN takes the images of v1..vN (containerd/platforms@v0.2.1:compare.go platformVector).
 */
export function platformMatches(want: Platform, have: Platform): boolean {
  const [wa, wv] = normalizeArch(want.architecture, want.variant ?? '');
  const [ha, hv] = normalizeArch(have.architecture, have.variant ?? '');
  if (normalizeOS(want.os) !== normalizeOS(have.os) || wa !== ha) return false;
  if (wa === 'amd64') return Number(hv.slice(1) || 1) <= Number(wv.slice(1) || 1) || hv === '';
  return wv === hv || hv === '';
}

/** The platform an image's config names (Os, Architecture, Variant). */
export function imagePlatform(image: Image): Platform {
  const c = image.config;
  return withVariant(c.os, c.architecture, c.variant ?? '');
}
