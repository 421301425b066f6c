/**
 * What an engine (dockerd, or the kubelet through containerd's CRI plugin) hands the OCI
 * runtime: the process, its credentials and confinement, which namespaces are new or
 * joined, and the cgroup with its limits. The shape follows the OCI runtime spec
 * (opencontainers/runtime-spec config.md: process.args/env/user/capabilities/
 * noNewPrivileges/apparmorProfile, linux.namespaces, linux.cgroupsPath, linux.resources),
 * reduced to what the simulator models. Policy (Docker's `docker-default`, containerd's
 * `cri-containerd.apparmor.d`, default capability sets, cgroup naming) stays in the engine.
 */
import type { Proc } from '../kernel/types.ts';

/** A namespace the container gets: a new one, or the inode of one to join. */
export type NsChoice = 'new' | number;

/** The cgroup v2 node of the container and the values runc writes into it (FACTS §2). Unset fields keep the kernel defaults. */
export interface CgroupSpec {
  path: string;
  memoryMax?: number;
  swapMax?: number | 'max';
  cpuQuota?: number;
  cpuPeriod?: number;
  cpuWeight?: number;
  cpusetCpus?: string;
  pidsMax?: number | 'max';
  /** memory.oom.group (the kubelet sets 1 on cgroup v2 since v1.28). */
  oomGroup?: 0 | 1;
}

export interface ContainerSpec {
  /** The container id (64 hex): names the shim's task and the ContainerRoot the shell enters. */
  id: string;
  /** containerd namespace the shim serves: `moby` for Docker, `k8s.io` for the kubelet. */
  namespace: string;
  /** The process as exec'd (entrypoint and command already combined by the engine). */
  argv: string[];
  env: Record<string, string>;
  uid: number;
  gid: number;
  /** Supplementary groups (the kubelet's fsGroup and supplementalGroups, with the primary gid). */
  groups?: number[];
  /** The bounding set; a root process also gets it as permitted and effective, others get none effective. */
  caps: bigint;
  noNewPrivs: boolean;
  /** 0 unconfined, 2 filter (`Seccomp:` in /proc/PID/status). */
  seccomp: 0 | 2;
  /** The AppArmor label shown in /proc/PID/attr/current. */
  apparmor: string;
  hostname: string;
  /** net is always joined: the engine's network layer (libnetwork, CNI) made it and wired it first. */
  namespaces: { net: number; uts: NsChoice; ipc: NsChoice; pid: NsChoice };
  cgroup: CgroupSpec;
  tty: boolean;
  readOnlyRoot: boolean;
  /** Mount points that stay writable on a read-only root (tmpfs, volumes, emptyDir). */
  writable: string[];
  /** net.ipv4.ip_unprivileged_port_start in the container's network namespace. */
  unprivilegedPortStart: number;
  /** argv[0] is a compiled program of the image (not a script). */
  binary: boolean;
  /** argv[0] as runc init resolved it, when its ELF is for another architecture and no binfmt_misc handler runs it. */
  foreignExec?: string;
  /** The entrypoint script's `exec "$@"` fails (docker/images.ts entrypointExecFailure): its message, then the status. */
  execFailure?: { log: string; status: number };
  /** The image's text files, which the program reads its configuration from (nginx.conf, default.conf). */
  files?: Readonly<Record<string, string>>;
  /** The spec's process.rlimits ([soft, hard], Infinity unlimited): runc setrlimit()s them on init and every exec. */
  rlimits?: Readonly<Record<string, readonly [number, number]>>;
  /** The shim to run under; absent: a new shim for this container (Docker). containerd runs one shim per pod. */
  shim?: Proc;
}
