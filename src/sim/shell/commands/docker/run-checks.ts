/**
 * docker/cli's validators of list flags, called as each value is set (opts.NewListOpts(validator)):
 * docker/cli@v27.3.1:opts/opts.go ValidateIPAddress, ValidateLink (ParseLink), opts/hosts.go
 * ValidateExtraHost, opts/throttledevice.go, opts/weightdevice.go, and
 * cli/command/container/opts.go validateDeviceCgroupRule. Each returns the error's text or undefined.
 */
import { parseUint, ramInBytes } from '../../kit/govalues.ts';
import type { Container } from '../../../docker/container.ts';
import { cleanupEvents, startingEvents } from '../../../docker/events.ts';
import type { CmdEnv } from '../../types.ts';
import { devicesFromPath } from '../../../fs/devnodes.ts';

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** net.ParseIP: a dotted quad, or an IPv6 address (with at most one `::`). */
function isIP(s: string): boolean {
  if (IPV4.test(s)) return true;
  if (!s.includes(':') || (s.match(/::/g) ?? []).length > 1) return false;
  const last = s.slice(s.lastIndexOf(':') + 1);
  const v4tail = IPV4.test(last);
  const groups = (v4tail ? s.slice(0, s.lastIndexOf(':')) : s).split(':');
  const full = s.includes('::') ? groups.filter((g) => g !== '').length <= (v4tail ? 6 : 8) - 1 : groups.length === (v4tail ? 6 : 8);
  return full && groups.every((g, i) => /^[0-9a-f]{1,4}$/i.test(g) || (g === '' && s.includes('::')) || (v4tail && i === groups.length));
}

export const validateIPAddress = (v: string) => (isIP(v.trim()) ? undefined : `IP address is not correctly formatted: ${v}`);

export function validateExtraHost(val: string): string | undefined {
  let cut = val.indexOf('=');
  if (cut < 0) cut = val.indexOf(':');
  const [k, v0] = cut < 0 ? [val, ''] : [val.slice(0, cut), val.slice(cut + 1)];
  if (cut < 0 || k === '' || k.includes(':')) return `bad format for add-host: ${JSON.stringify(val)}`;
  if (v0 === 'host-gateway') return undefined;
  const v = v0.length > 2 && v0.startsWith('[') && v0.endsWith(']') ? v0.slice(1, -1) : v0;
  return isIP(v.trim()) ? undefined : `invalid IP address in add-host: ${JSON.stringify(v)}`;
}

/**
 * What ValidateExtraHost hands the API: `host:ip`, cut at the first '=' (else ':'), the brackets
 * around an address taken off, the address kept as typed (docker/cli@v27.3.1:opts/hosts.go ValidateExtraHost).
 */
export function extraHostForApi(val: string): string {
  let cut = val.indexOf('=');
  if (cut < 0) cut = val.indexOf(':');
  const k = val.slice(0, cut);
  const v = val.slice(cut + 1);
  return `${k}:${v !== 'host-gateway' && v.length > 2 && v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v}`;
}

export function validateLink(val: string): string | undefined {
  if (val === '') return 'empty string specified for links';
  return val.split(':').length > 2 ? `bad format for links: ${val}` : undefined;
}

function devicePath(val: string): [string, string] | string {
  const cut = val.indexOf(':');
  if (cut <= 0) return `bad format: ${val}`;
  if (!val.startsWith('/dev/')) return `bad format for device path: ${val}`;
  return [val.slice(0, cut), val.slice(cut + 1)];
}

export function validateThrottleBps(val: string): string | undefined {
  const d = devicePath(val);
  if (typeof d === 'string') return d;
  return ramInBytes(d[1]).ok
    ? undefined
    : `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`;
}

export function validateThrottleIOps(val: string): string | undefined {
  const d = devicePath(val);
  if (typeof d === 'string') return d;
  return /^\d+$/.test(d[1]) && parseUint(d[1]).ok
    ? undefined
    : `invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`;
}

export function validateWeightDevice(val: string): string | undefined {
  const d = devicePath(val);
  if (typeof d === 'string') return d;
  const w = /^\d+$/.test(d[1]) ? parseUint(d[1], 16) : undefined;
  if (!w?.ok || (w.value > 0n && (w.value < 10n || w.value > 1000n))) return `invalid weight for device: ${val}`;
  return undefined;
}

/** `a|b|c MAJOR:MINOR rwm` (opts.go deviceCgroupRuleRegexp). */
export const validateDeviceCgroupRule = (val: string) =>
  /^([acb]) ([0-9]+|\*):([0-9]+|\*) ([rwm]{1,3})$/.test(val) ? undefined : `invalid device cgroup format '${val}'`;

/**
 * moby/term@v0.5.0 ToBytes (vendored by moby v27.3.1, daemon/attach.go ContainerAttach): each comma-separated key is
 * one character, `ctrl-@` … `ctrl-_` (ascii.go ASCII) or `DEL`; anything else is "Unknown character: '…'".
 */
export function detachKeysError(keys: string): string | undefined {
  const ctrl = /^ctrl-[@a-z[\\\]^_]$/;
  // len(key) != 1 counts bytes: an empty key or a non-ASCII character is an unknown one too.
  const bad = keys.split(',').find((k) => new TextEncoder().encode(k).length !== 1 && !ctrl.test(k) && k !== 'DEL');
  return bad === undefined ? undefined : `Unknown character: '${bad}'`;
}

/**
 * The detach keys as bytes, as moby/term ToBytes (docker/cli@v27.3.1:vendor/github.com/moby/term/ascii.go): ctrl-@ … ctrl-_
 * are 0–31, DEL 127; none or empty: hijack.go's defaultEscapeKeys, ctrl-p ctrl-q.
 */
export function detachKeyBytes(keys: string | undefined): string {
  if (!keys) return '\x10\x11';
  const CTRL = '@abcdefghijklmnopqrstuvwxyz[\\]^_';
  return keys
    .split(',')
    .map((k) => (k === 'DEL' ? '\x7f' : k.startsWith('ctrl-') && k.length === 6 ? String.fromCharCode(CTRL.indexOf(k[5] as string)) : k))
    .join('');
}

/**
 * moby@v27.3.1:oci/devices_linux.go DevicesFromPath's error for a --device path that names no device of node1's /dev
 * (fs/devnodes.ts): coci.DeviceFromPath's lstat error, or ErrNotADevice for a file (or directory) that holds none.
 */
export async function missingDevice(env: CmdEnv, devices: readonly { PathOnHost: string; PathInContainer: string }[]): Promise<string | undefined> {
  for (const d of devices) {
    const got = devicesFromPath(d.PathOnHost, d.PathInContainer);
    if (!('error' in got)) continue;
    const why = d.PathOnHost.startsWith('/dev/') || !(await env.fs.exists(d.PathOnHost)) ? got.error : 'not a device node';
    return `error gathering device information while adding custom device "${d.PathOnHost}": ${why}`;
  }
  return undefined;
}

/**
 * moby@v27.3.1:daemon/container.go setHostConfig → daemon_unix.go registerLinks (skipped on a user-defined network): a
 * link to no container is GetContainer's NotFound wrapped as an InvalidParameter, so the CLI does not try a pull.
 */
export function missingLink(env: CmdEnv, networkMode: string | undefined, links: readonly string[] | undefined): string | undefined {
  const mode = networkMode || 'default';
  if (!['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:')) return undefined;
  for (const l of links ?? []) {
    const name = l.split(':')[0] as string;
    if (!env.daemon.find(name.replace(/^\//, ''))) return `could not get container for ${name}: No such container: ${name}`;
  }
  return undefined;
}

/**
 * moby@v27.3.1:daemon/start.go containerStart's deferred cleanup: a start that fails leaves the container
 * created with the exit code the error maps to (127 not found, 126 not executable, else exitUnknown 128),
 * and removes it when --rm asked for AutoRemove.
 */
export function failedStart(env: CmdEnv, c: Container, code: number, afterSandbox = true): void {
  c.exitCode = code;
  // A task that failed after the sandbox and the mounts were set up (initializeNetworking, setupMounts): Cleanup undoes them.
  if (afterSandbox) {
    startingEvents(env.daemon, c);
    cleanupEvents(env.daemon, c);
  }
  if (c.hostConfig.AutoRemove) env.daemon.remove(c);
}
