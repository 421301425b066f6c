/**
 * node1's /etc files that come from its disk image and its container runtimes rather than from a package's defaults.
 */

/**
 * /etc/fstab of an Ubuntu 24.04 cloud image: no package ships it; livecd-rootfs's cloud image build writes it, with the
 * labels the image's partitions carry (lsblk -f on node1: cloudimg-rootfs on sda1, BOOT on sda16, UEFI on sda15).
 * The noble images' file has these three lines, tab-separated, with the odd space before the root line's "ext4".
 * No upstream file was read for this text: it is the noble cloud image's as published images carry it.
 */
export const CLOUD_FSTAB =
  'LABEL=cloudimg-rootfs\t/\t ext4\tdiscard,commit=30,errors=remount-ro\t0 1\nLABEL=BOOT\t/boot\text4\tdefaults\t0 2\nLABEL=UEFI\t/boot/efi\tvfat\tumask=0077\t0 1\n';

/** The opening of the file the containerd.io package installs (docker/containerd-packaging:common/containerd.toml). */
const PACKAGED_HEAD =
  '#   Copyright 2018-2022 Docker Inc.\n\n#   Licensed under the Apache License, Version 2.0 (the "License");\n#   you may not use this file except in compliance with the License.\n#   You may obtain a copy of the License at\n\n#       http://www.apache.org/licenses/LICENSE-2.0\n\n#   Unless required by applicable law or agreed to in writing, software\n#   distributed under the License is distributed on an "AS IS" BASIS,\n#   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n#   See the License for the specific language governing permissions and\n#   limitations under the License.\n\n';

/** The packaged file's commented defaults (docker/containerd-packaging:common/containerd.toml, after its disabled_plugins line). */
const PACKAGED_DEFAULTS =
  '#root = "/var/lib/containerd"\n#state = "/run/containerd"\n#subreaper = true\n#oom_score = 0\n\n#[grpc]\n#  address = "/run/containerd/containerd.sock"\n#  uid = 0\n#  gid = 0\n\n#[debug]\n#  address = "/run/containerd/debug.sock"\n#  uid = 0\n#  gid = 0\n#  level = "info"\n';

/**
 * /etc/containerd/config.toml on node1. The containerd.io package ships it with `disabled_plugins = ["cri"]` (Docker
 * needs no CRI), and with that file kubeadm's preflight fails (the kubelet's CRI calls get "unknown service
 * runtime.v1.RuntimeService"). node1 runs Kubernetes on that containerd, so its file is the packaged one edited as the
 * Kubernetes documentation says (kubernetes/website: content/en/docs/setup/production-environment/container-runtimes.md,
 * "containerd"): "cri" taken out of disabled_plugins, the version 2 header, runc's SystemdCgroup = true (the kubelet
 * uses the systemd cgroup driver: pods under kubepods.slice) and the sandbox image kubeadm v1.30 pulls,
 * registry.k8s.io/pause:3.9 (containerd 1.7's default is pause:3.8, for which kubeadm warns). The full
 * `containerd config default` dump is the other common choice; node1 keeps the short file.
 */
export const CONTAINERD_CONFIG = `${PACKAGED_HEAD}version = 2\n\ndisabled_plugins = []\n\n${PACKAGED_DEFAULTS}\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.9"\n\n[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]\n  runtime_type = "io.containerd.runc.v2"\n\n  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n    SystemdCgroup = true\n`;

/**
 * Directories node1's packages own that hold no file: docker-ce creates /etc/docker empty
 * (docker/docker-ce-packaging:deb/common/docker-ce.dirs); the daemon reads /etc/docker/daemon.json only if someone
 * writes it (moby@v27.3.1:cmd/dockerd/daemon.go loadDaemonCliConfig: a missing default --config-file is skipped), so there is none.
 */
export const NODE_EMPTY_DIRS = ['/etc/docker'];

/**
 * The ubuntu user's home as cloud-init's `useradd -m` leaves it: the directory its own with Ubuntu's HOME_MODE 0750
 * (shadow 4.13+dfsg1-4ubuntu3: debian/login.defs sets HOME_MODE 0750 since 21.04) and /etc/skel's files copied in, its
 * own. Mode, uid, gid.
 */
export const HOME_MODES: Record<string, readonly [number, number, number]> = {
  '/home/ubuntu': [0o750, 1000, 1000],
  '/home/ubuntu/.bashrc': [0o644, 1000, 1000],
  '/home/ubuntu/.profile': [0o644, 1000, 1000],
  '/home/ubuntu/.bash_logout': [0o644, 1000, 1000],
};
