/**
 * A pod's emptyDir volume (runtime/roots.ts EmptyDirMount) as the kubelet sets it up (kubernetes@v1.30.5
 * pkg/volume/emptydir/emptydir.go SetUpAt: the directory made with mode 0777 when the pod's volumes are set up, then
 * volume.SetVolumeOwnership with the pod's fsGroup and a nil policy: the group changed to the fsGroup and the mode
 * `| 0660 | 0110 | setgid` (pkg/volume/volume_linux.go changeFilePermission, a read-write volume: rwMask), so
 * `drwxrwsrwx root 2000`). One filesystem per pod volume, shared by every container that mounts it, whose new entries
 * belong to the writing process (simfs.ts: fsuid, and the directory's group under setgid). A subPath mount sees that
 * directory of the volume, made when missing as makeMounts does (pkg/kubelet/kubelet_pods.go: SafeMakeDir with the
 * volume directory's mode, root's, its group the directory's under setgid).
 */
import type * as JB from 'just-bash';
import { attached } from '../attached.ts';
import type { EmptyDirMount, EmptyDirVolume } from '../runtime/roots.ts';
import { type SimFs, type SimFsHooks, simFs } from './simfs.ts';
import { BindFs } from './storagefs.ts';

const shared = attached<EmptyDirVolume, SimFs>('emptyDirFs');
const noOverlay = () => undefined;
const never = () => false;

function volumeFs(jb: typeof JB, v: EmptyDirVolume, hooks: SimFsHooks): SimFs {
  const have = shared.get(v);
  if (have) return have;
  const fs = simFs(jb, { ...hooks, readOnly: never, overlay: noOverlay, hides: never }, {});
  const root = (fs as unknown as { data: Map<string, JB.FsEntry> }).data.get('/');
  if (root) root.mtime = new Date(Math.floor(v.createdMs / 1000) * 1000);
  fs.own('/', 0o777 | (v.fsGroup !== undefined ? 0o2000 : 0), 0, v.fsGroup ?? 0);
  fs.live = true;
  shared.set(v, fs);
  return fs;
}

export function emptyDirFs(jb: typeof JB, m: EmptyDirMount, hooks: SimFsHooks, report?: (containerPath: string) => void): JB.IFileSystem {
  const fs = volumeFs(jb, m.volume, hooks);
  if (m.subPath) {
    const data = (fs as unknown as { data: Map<string, JB.FsEntry> }).data;
    const rootMode = data.get('/')?.mode ?? 0o777;
    let at = '';
    for (const part of m.subPath.split('/')) {
      at += `/${part}`;
      if (data.has(at)) continue;
      fs.mkdirSync(at);
      const e = data.get(at);
      if (e) e.mtime = data.get('/')?.mtime ?? e.mtime;
      fs.own(at, rootMode, 0, m.volume.fsGroup ?? 0);
    }
  }
  if (!m.subPath && !m.readOnly) return fs;
  return new BindFs(fs, m.subPath ? `/${m.subPath}` : '', m.readOnly, report, m.destination);
}
