import type { NamespaceType } from './api.ts';
import node1 from '../../content/world/node1.json' with { type: 'json' };
import type { WorldName } from '../schemas/worlds.ts';

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

/** The named start states (content/world/<name>.json): what a lesson's or an exercise's `scenario:` names. */
export const WORLDS: Readonly<Record<WorldName, Fixture>> = { node1: node1Fixture };

/** The fixture of a named start state; an unknown name is an error that names it and the known ones. */
export function worldFixture(name: string): Fixture {
  if (!Object.hasOwn(WORLDS, name)) {
    throw new Error(`no start state named ${JSON.stringify(name)} (content/world/${name}.json); known: ${Object.keys(WORLDS).join(', ')}`);
  }
  return WORLDS[name as WorldName];
}
