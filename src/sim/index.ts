/**
 * The simulated host node1 (CURRICULUM §0, §2).
 *
 * Layout: `kernel/` (processes with NSpid levels, the 8 namespace types, cgroup v2 with a
 * 100 ms tick engine, capabilities as BigInt masks, signals with PID-1 rules, zombies),
 * `runtime/` (runc and the shim: a ContainerSpec becomes namespaces, a cgroup, credentials
 * and PID 1; the container programs; the ContainerRoot registry the shell enters; containerd's
 * CRI side with its own k8s.io image store and CNI on cni0), `k8s/kubelet/` (node1's kubelet),
 * `docker/` (the daemon, which builds a ContainerSpec with Docker's policy, and `imagestore.ts`: the
 * content-addressed image store, registry, builder, volumes and overlay roots of src/sim/image,
 * loaded on first use), `fs/` (generated /proc and /sys/fs/cgroup, never stored), `shell/` (just-bash
 * with our commands plugged in, one file per command, flags as data), `net/` (Docker networks:
 * none/bridge/host/user-defined/container:, IPAM, veth pairs with per-namespace ifindex
 * counters, port bindings, embedded DNS, and what `ip` prints in iproute2 and busybox wording).
 *
 * Decisions worth knowing:
 * - The fixture is data (content/world/node1.json), imported as a JSON module so the browser
 *   bundle carries it; a caller may pass another fixture of the same shape.
 * - just-bash is imported lazily on the first exec (only `import type` at module level).
 * - Time: the one shared clock only moves through simulated waits, `advance()`, and one
 *   second per typed line, so replaying `history()` reproduces the state. In 'realtime' mode a
 *   wait of N ms also takes N real ms and Ctrl-C (the AbortSignal) interrupts it (exit 130).
 *   In 'virtual' mode a command that never ends on its own (a foreground hog, `ping` without
 *   -c, `sleep infinity`, `docker logs -f`, attached `docker run nginx`) is treated as
 *   interrupted by Ctrl-C once the virtual clock has moved VIRTUAL_BOUND_MS (60 s).
 * - PIDs: every new process takes the next PID of each PID namespace it is in, and a freed
 *   PID is not handed out again until the counter wraps at kernel.pid_max (kernel/pids.ts).
 *   Commands typed at the host follow the login shell (2045); the daemon's first shim jumps
 *   to the fixture's 23795, so the first container's PID 1 is host PID 23817. Inside a new
 *   PID namespace the first process after PID 1 gets 7, as under runc. Shell built-ins
 *   (kill, echo, jobs…) take no PID, nor does the docker CLI.
 * - Container and namespace ids are seeded (`seed` option); the first container id is the
 *   fixture's 2cecb6b0fd74….
 * - Network ids, endpoint ids, veth names and MACs come from a second seeded stream
 *   (`Host.netRng`), so networking never shifts container ids or names. node1 already has
 *   ifindex 1–5 (lo, ens3, docker0, flannel.1, cni0): the first container is `6: eth0@if7`.
 * - Output: a blocking command streams to `onOutput` when its stdout is the terminal (no
 *   pipe or redirection on the line); docker's pull progress comes first.
 */
import type { World, WorldOptions } from './api.ts';
import { worldFixture, type Fixture } from './fixture.ts';
import { SimWorld } from './world.ts';

export type * from './api.ts';
export type { Fixture } from './fixture.ts';

/** A fresh simulated host: `fixture`, or else the start state `options.world` names (content/world/), or node1. */
export function createWorld(fixture?: Fixture, options?: WorldOptions): World {
  return new SimWorld(fixture ?? (options?.world === undefined ? undefined : worldFixture(options.world)), options);
}
