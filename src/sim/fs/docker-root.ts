/**
 * /var/lib/docker as dockerd 27.3.1 lays it out on node1 (the overlay2 storage driver), with the modes moby gives it:
 * the root 0710 root:root (moby@v27.3.1:daemon/daemon_unix.go setupDaemonRoot), so only root lists or enters it.
 * - buildkit 0711 (builder/builder-next/controller.go), containers 0710 (daemon/daemon.go), engine-id 0600
 *   (daemon/id.go), image/overlay2 and its imagedb and layerdb 0700 (image/fs.go, layer/filestore.go), network/files
 *   0750 (libnetwork/internal/kvstore/boltdb/boltdb.go), overlay2 0710 with its l/ 0700
 *   (daemon/graphdriver/overlay2/overlay.go), plugins 0700 (plugin/manager.go), runtimes 0700
 *   (daemon/runtime_unix.go), swarm 0700 (daemon/cluster/cluster.go), tmp 0700 (daemon/daemon.go), volumes 0701
 *   (volume/local/local.go).
 * What dockerd keeps in them for its images and containers is laid out before each host line (shell/dockerroot-sync.ts).
 */
import { ENGINE_ID } from '../docker/engine-id.ts';

export const DOCKER_ROOT_DIRS: Record<string, number> = {
  '/var/lib/docker': 0o710,
  '/var/lib/docker/buildkit': 0o711,
  '/var/lib/docker/containers': 0o710,
  '/var/lib/docker/image': 0o700,
  '/var/lib/docker/image/overlay2': 0o700,
  '/var/lib/docker/image/overlay2/imagedb': 0o700,
  '/var/lib/docker/image/overlay2/layerdb': 0o700,
  '/var/lib/docker/network': 0o750,
  '/var/lib/docker/network/files': 0o750,
  '/var/lib/docker/overlay2': 0o710,
  '/var/lib/docker/overlay2/l': 0o700,
  '/var/lib/docker/plugins': 0o700,
  '/var/lib/docker/runtimes': 0o700,
  '/var/lib/docker/swarm': 0o700,
  '/var/lib/docker/tmp': 0o700,
  '/var/lib/docker/volumes': 0o701,
};

/** The files among them: the engine id (0600) the daemon writes at its first start. */
export const DOCKER_ROOT_FILES: Record<string, { content: string; mode: number }> = {
  '/var/lib/docker/engine-id': { content: ENGINE_ID, mode: 0o600 },
};

/**
 * The runtimes' API sockets on node1 (S_IFSOCK 0o140000 with their permissions; mode, uid, gid): systemd's
 * docker.socket listens on /run/docker.sock, 0660 root:docker (moby@v27.3.1:contrib/init/systemd/docker.socket
 * SocketMode=0660, SocketUser=root, SocketGroup=docker; the docker group is gid 988: fs/hostusers.ts), and containerd
 * on /run/containerd/containerd.sock, 0660 root:root (containerd/containerd@v1.7.22:sys/socket_unix.go GetLocalListener:
 * os.Chmod(path, 0660), then chown to the [grpc] uid and gid, 0 and 0).
 */
export const RUNTIME_SOCKETS: Record<string, readonly [number, number, number]> = {
  '/run/docker.sock': [0o140660, 0, 988],
  '/run/containerd/containerd.sock': [0o140660, 0, 0],
};
