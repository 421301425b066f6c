/**
 * `--mount` as docker/cli@v27.3.1:opts/mount.go MountOpt.Set reads it into a mount.Mount (api/types/mount/mount.go):
 * CSV fields key=value (keys case-insensitive), bare `readonly`/`ro`, `volume-nocopy`, `bind-nonrecursive`; type
 * defaults to volume; the option groups must match the type; target is required. The value is what
 * HostConfig.Mounts holds (JSON with Go's omitempty: Type, Source, Target, ReadOnly, Consistency, BindOptions,
 * VolumeOptions, TmpfsOptions). The type itself is the daemon's to check (moby@v27.3.1:volume/mounts/linux_parser.go).
 */
import { ramInBytes } from '../../kit/govalues.ts';

export type MountField = Record<string, unknown> & { Type: string; Target: string; Source?: string; ReadOnly?: boolean };

const bool = (v: string): boolean | undefined =>
  ({ '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false })[v];

/** The mount, or the flag error's text (after `invalid argument "…" for "--mount" flag: `). */
export function parseMountOpt(value: string): MountField | string {
  const m: MountField = { Type: 'volume', Target: '' };
  let bind: Record<string, unknown> | undefined;
  let vol: Record<string, unknown> | undefined;
  let tmpfs: Record<string, unknown> | undefined;
  const volume = () => (vol ??= { Labels: {}, DriverConfig: {} });
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') m.ReadOnly = true;
      else if (key === 'volume-nocopy') volume().NoCopy = true;
      else if (key === 'bind-nonrecursive') (bind ??= {}).NonRecursive = true;
      else return `invalid field '${field}' must be a key=value pair`;
      continue;
    }
    if (key === 'type') m.Type = val.toLowerCase();
    else if (key === 'source' || key === 'src') m.Source = val;
    else if (key === 'target' || key === 'dst' || key === 'destination') m.Target = val;
    else if (key === 'readonly' || key === 'ro' || key === 'volume-nocopy') {
      const b = bool(val);
      if (b === undefined) return key === 'volume-nocopy' ? `invalid value for volume-nocopy: ${val}` : `invalid value for ${key}: ${val}`;
      if (key === 'volume-nocopy') volume().NoCopy = b;
      else m.ReadOnly = b;
    } else if (key === 'consistency') m.Consistency = val.toLowerCase();
    else if (key === 'bind-propagation') (bind ??= {}).Propagation = val.toLowerCase();
    else if (key === 'volume-subpath') volume().Subpath = val;
    else if (key === 'volume-label' || key === 'volume-opt') {
      const [k, v] = [val.split('=')[0] as string, val.slice(val.indexOf('=') + 1)];
      const target =
        key === 'volume-label'
          ? (volume().Labels as Record<string, string>)
          : (((volume().DriverConfig as Record<string, unknown>).Options ??= {}) as Record<string, string>);
      if (k) target[k] = val.includes('=') ? v : '';
    } else if (key === 'volume-driver') (volume().DriverConfig as Record<string, unknown>).Name = val;
    else if (key === 'tmpfs-size') {
      const n = ramInBytes(val);
      if (!n.ok) return `invalid value for ${key}: ${val}`;
      (tmpfs ??= {}).SizeBytes = n.value;
    } else if (key === 'tmpfs-mode') {
      if (!/^[0-7]+$/.test(val)) return `invalid value for ${key}: ${val}`;
      (tmpfs ??= {}).Mode = Number.parseInt(val, 8);
    } else return `unexpected key '${key}' in '${field}'`;
  }
  if (m.Type === '') return 'type is required';
  if (m.Target === '') return 'target is required';
  if (vol && m.Type !== 'volume') return `cannot mix 'volume-*' options with mount type '${m.Type}'`;
  if (bind && m.Type !== 'bind') return `cannot mix 'bind-*' options with mount type '${m.Type}'`;
  if (tmpfs && m.Type !== 'tmpfs') return `cannot mix 'tmpfs-*' options with mount type '${m.Type}'`;
  // encoding/json's field order and omitempty (an empty map is left out; a set pointer, even to {}, is not).
  const ordered: MountField = { Type: m.Type, ...(m.Source ? { Source: m.Source } : {}), Target: m.Target };
  if (m.ReadOnly) ordered.ReadOnly = true;
  if (m.Consistency) ordered.Consistency = m.Consistency;
  if (bind) ordered.BindOptions = bind;
  if (vol) {
    const labels = vol.Labels as Record<string, string>;
    ordered.VolumeOptions = {
      ...(vol.NoCopy ? { NoCopy: true } : {}),
      ...(Object.keys(labels).length ? { Labels: labels } : {}),
      ...(vol.Subpath ? { Subpath: vol.Subpath } : {}),
      DriverConfig: vol.DriverConfig,
    };
  }
  if (tmpfs) ordered.TmpfsOptions = tmpfs;
  return ordered;
}
