/**
 * The daemon's event log (moby@v27.3.1:daemon/events.go LogContainerEventWithAttributes,
 * LogImageEvent…): type, action, actor id and attributes, stamped with the clock.
 */
import { containerLabels, type Container } from './container.ts';

export interface DockerEvent {
  type: 'container' | 'image' | 'network' | 'volume' | 'builder';
  action: string;
  id: string;
  attributes: Record<string, string>;
  /** Milliseconds since the epoch (the sim's clock has ms resolution). */
  timeMs: number;
  /** A sequence number, so two events in one millisecond keep their order in TimeNano. */
  seq: number;
}

export class EventLog {
  readonly list: DockerEvent[] = [];
  private seq = 0;
  /** How many execs the daemon has created (each exec ID derives from it). */
  execs = 0;
  add(e: Omit<DockerEvent, 'seq'>): void {
    this.list.push({ ...e, seq: this.seq++ });
    if (this.list.length > 1000) this.list.shift();
  }
}

/** A container event's attributes: the container's labels, then image and name (moby copies labels first). */
export function containerAttributes(c: Container, extra: Record<string, string> = {}): Record<string, string> {
  const labels = containerLabels(c);
  return { ...labels, ...extra, image: c.imageArg, name: c.name };
}

/**
 * An exec's ID: 64 hex digits, as stringid.GenerateRandomID's; derived from the container and a count rather than drawn
 * from the world's random source, whose draws name the containers to come.
 */
function execIdFor(log: EventLog, containerId: string): string {
  let h = 0x811c9dc5 ^ log.execs++;
  let out = '';
  for (let i = 0; out.length < 64; i++) {
    h = Math.imul(h ^ containerId.charCodeAt(i % containerId.length), 0x01000193) >>> 0;
    h ^= h >>> 13;
    out += (h & 0xff).toString(16).padStart(2, '0');
  }
  return out;
}

/**
 * An exec begins: moby@v27.3.1:daemon/exec.go ContainerExecCreate logs "exec_create: " + Entrypoint + " " + the args
 * joined (a trailing space when there are none), ContainerExecStart "exec_start: …", each with execID (health.go's
 * probe does the same). The process is marked, so that its exit is logged as exec_die (watchExecs).
 */
export function execStarted(
  emitFor: (c: Container, action: string, extra: Record<string, string>) => void,
  log: EventLog,
  c: Container,
  argv: readonly string[],
  p: { execId?: string },
): void {
  const execID = execIdFor(log, c.id);
  const cmd = `${argv[0] ?? ''} ${argv.slice(1).join(' ')}`;
  emitFor(c, `exec_create: ${cmd}`, { execID });
  emitFor(c, `exec_start: ${cmd}`, { execID });
  p.execId = execID;
}

/** moby@v27.3.1:daemon/monitor.go ProcessEvent EventExit for an exec: exec_die with execID and exitCode. */
export function execDied(
  emitFor: (c: Container, action: string, extra: Record<string, string>) => void,
  containers: ReadonlyMap<string, Container>,
  p: { execId?: string; containerId?: string; exitStatus?: number; killedBy?: number },
): void {
  const c = p.execId && p.containerId ? containers.get(p.containerId) : undefined;
  if (!c || !p.execId) return;
  const code = p.killedBy ? 128 + p.killedBy : (p.exitStatus ?? 0);
  emitFor(c, 'exec_die', { execID: p.execId, exitCode: String(code) });
}

/** What the network and volume events need of the daemon (kept narrow so this file does not import daemon.ts). */
export interface EventSource {
  emit(type: DockerEvent['type'], action: string, id: string, attributes: Record<string, string>): void;
  readonly net: { networksOf(c: Container): { id: string; name: string; driver: string }[] };
  readonly lib?: { mounts: ReadonlyMap<string, readonly { type: string; source: string; destination: string; readOnly: boolean }[]> } | undefined;
}

/**
 * moby@v27.3.1:daemon/events.go LogNetworkEventWithAttributes: the network's id, with `name` and `type` (its driver:
 * bridge, host, null) added to the attributes.
 */
export function networkEvent(d: EventSource, net: { id: string; name: string; driver: string }, action: string, extra: Record<string, string> = {}): void {
  d.emit('network', action, net.id, { ...extra, name: net.name, type: net.driver });
}

/**
 * A container's sandbox joins or leaves its networks: moby@v27.3.1:daemon/container_operations.go connectToNetwork logs
 * `connect` (container=ID) for each network as the container starts (initializeNetworking, before its mounts and its
 * task); releaseNetwork → tryDetachContainerFromClusterNetwork logs `disconnect` as it stops (daemon/start.go Cleanup,
 * before `die`). A container that shares another's namespace (--network container:NAME) owns no sandbox: nothing.
 */
export function sandboxEvents(d: EventSource, c: Container, action: 'connect' | 'disconnect'): void {
  if (c.hostConfig.NetworkMode.startsWith('container:')) return;
  for (const net of d.net.networksOf(c)) networkEvent(d, net, action, { container: c.id });
}

/**
 * A container's volumes (not its binds or tmpfs mounts): moby@v27.3.1:daemon/volumes_unix.go setupMounts logs `mount`
 * with driver, container, destination, read/write and propagation (empty for a volume: only binds get one) as it starts;
 * container/container.go UnmountVolumes logs `unmount` with driver and container in Cleanup, before `die`.
 */
export function volumeEvents(d: EventSource, c: Container, action: 'mount' | 'unmount'): void {
  for (const m of d.lib?.mounts.get(c.id) ?? []) {
    if (m.type !== 'volume') continue;
    const attrs: Record<string, string> =
      action === 'mount'
        ? { container: c.id, destination: m.destination, driver: 'local', propagation: '', 'read/write': String(!m.readOnly) }
        : { container: c.id, driver: 'local' };
    d.emit('volume', action, m.source, attrs);
  }
}

/** moby@v27.3.1:daemon/prune.go, image_prune.go, volume/service/service.go Prune, builder backend PruneCache: one `prune` event with no actor id, `reclaimed` in bytes. */
export function pruneEvent(d: EventSource, type: DockerEvent['type'], reclaimed: number): void {
  d.emit(type, 'prune', '', { reclaimed: String(reclaimed) });
}

/** As a container starts: its networks' `connect`, then its volumes' `mount` (daemon/start.go containerStart's order). */
export function startingEvents(d: EventSource, c: Container): void {
  sandboxEvents(d, c, 'connect');
  volumeEvents(d, c, 'mount');
}

/** daemon/start.go Cleanup, as a container stops or fails to start: `disconnect`, then the volumes' `unmount`. */
export function cleanupEvents(d: EventSource, c: Container): void {
  sandboxEvents(d, c, 'disconnect');
  volumeEvents(d, c, 'unmount');
}
