/**
 * The kubelet's hostPath plugin SetUp (kubernetes@v1.30 pkg/volume/hostpath/host_path.go hostPathMounter.SetUp →
 * checkType → checkTypeInternal): nothing is checked for type "" (HostPathUnset; containerd then makes a missing
 * path a directory, runtime/nodefs.ts); DirectoryOrCreate makes a missing path with makeDir (os.MkdirAll, 0755),
 * FileOrCreate with makeFile (os.OpenFile O_CREATE, 0644: the parent must exist); otherwise the path must be of its
 * type, else `hostPath type check failed: PATH is not a directory|file|socket file|character device|block device`.
 * The error becomes the FailedMount event `MountVolume.SetUp failed for volume "NAME" : …` (volumes.ts) and the pod
 * stays ContainerCreating. The API server has already refused `..` in the path and unknown types
 * (validateHostPathVolumeSource), so SetUp's own checks of those are not repeated here.
 * The wording is checkTypeInternal's, read in the copy of host_path.go the code index holds (the kubelet events users
 * quote from 1.13 on carry it); a later host_path.go words it typeMatchedOrError's way ("hostPath %s doesn't exist",
 * "…, it's a %s"). The v1.30.x tag itself could not be read here (kubernetes/kubernetes is 1.9 GB, over the fetch limit).
 */
import type { NodeFs } from '../../runtime/nodefs.ts';

/** What each type demands, in checkTypeInternal's words. */
const EXPECTED: Record<string, { is: string; what: string }> = {
  Directory: { is: 'Directory', what: 'directory' },
  DirectoryOrCreate: { is: 'Directory', what: 'directory' },
  File: { is: 'File', what: 'file' },
  FileOrCreate: { is: 'File', what: 'file' },
  Socket: { is: 'Socket', what: 'socket file' },
  CharDevice: { is: 'CharDevice', what: 'character device' },
  BlockDevice: { is: 'BlockDevice', what: 'block device' },
};

/** SetUp of one hostPath volume: undefined when it may be mounted, else the error. */
export async function hostPathSetUp(fs: NodeFs, path: string, type: string | undefined): Promise<string | undefined> {
  const want = type ? EXPECTED[type] : undefined;
  if (!want) return undefined;
  const found = await fs.typeOf(path);
  if (!found && type === 'DirectoryOrCreate') return fs.mkdirAll(path, 0o755);
  if (!found && type === 'FileOrCreate') return fs.createFile(path, 0o644);
  // fileTypeChecker.IsFile is "exists and not a directory" (a socket or a device passes as a file).
  const ok = want.is === 'File' ? found !== undefined && found !== 'Directory' : found === want.is;
  return ok ? undefined : `hostPath type check failed: ${path} is not a ${want.what}`;
}
