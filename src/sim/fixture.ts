import type { NamespaceType } from './api.ts';
import node1 from '../../content/world/node1.json' with { type: 'json' };

/**
 * The fixture world as data (content/world/node1.json, CURRICULUM §0). It is imported
 * as a JSON module so the browser bundle carries it and the simulator never reads files
 * at runtime; callers may pass their own fixture of the same shape to createWorld.
 */
export interface Fixture {
  hostname: string;
  kernel: { release: string; version: string; machine: string };
  os: string;
  cpus: number;
  memTotalBytes: number;
  bootTime: string;
  startTime: string;
  namespaces: Record<NamespaceType, number>;
  firstNewNamespaceInode: number;
  nextPid: number;
  docker: { shimPidOffset: number; bridgeGateway: string; bridgeSubnet: string; firstContainerIds: string[] };
  network: { eth0: { addr: string; mac: string; gateway: string } };
  users: { name: string; uid: number; gid: number; home: string; shell: string }[];
  kernelThreads: { pid: number; ppid: number; name: string }[];
  processes: {
    pid: number;
    ppid: number;
    argv: string[];
    comm?: string;
    cgroup: string;
    uid?: number;
    tty?: string;
    rssKb: number;
    vszKb: number;
    threads?: number;
    reaps?: boolean;
    shell?: boolean;
  }[];
}

export const node1Fixture: Fixture = node1 as Fixture;
