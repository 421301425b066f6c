/**
 * The kernel's log lines when a container's veth joins a bridge (dmesg, journalctl -k), as Linux 6.8 prints them:
 * - net/bridge/br_if.c br_add_if → br_stp.c br_set_state/br_log_state: `br_info(br, "port %u(%s) entered %s state\n")`
 *   ("docker0: port 1(veth…) entered blocking state", then "disabled" until the link is up);
 * - net/core/dev.c __dev_set_allmulti and __dev_set_promiscuity (v6.6+): `netdev_info(dev, "%s allmulticast mode\n")`,
 *   `"%s promiscuous mode\n"` with "entered" (the bridge puts its port in both);
 * - net/core/dev.c dev_change_name: `netdev_info(dev, "renamed from %s\n")` when libnetwork renames the container end
 *   (a temporary veth… name, moby@v27.3.1:libnetwork/drivers/bridge/bridge_linux.go createEndpoint) to eth0;
 * - then the port goes "blocking" and "forwarding" once both ends are up (STP is off on docker0: no listening/learning).
 * The port number is the lowest one free on the bridge (br_if.c find_portno). What the kernel prints when the veth
 * goes away is not logged here (the lesson transcripts end their dmesg with an OOM kill line).
 */
import { attached } from '../attached.ts';
const ports = attached<object, Map<string, number>>('ports');

interface LogHost {
  clock: { nowMs: number };
  kernel: { bootMs: number; dmesg: string[] };
}

/**
 * Logs `hostIf` joining the bridge of network `net` (named `bridge`) to the kernel's ring buffer. `peerTmp` is the
 * container end's first name, `ifname` its name in the container; `present` lists the host's interfaces now, so
 * ports of veths gone since are free again.
 */
export function logBridgeJoin(
  host: LogHost,
  net: object,
  bridge: string | undefined,
  hostIf: string,
  peerTmp: string,
  ifname: string,
  present: readonly { name: string }[],
): void {
  if (!bridge) return;
  let m = ports.get(net);
  if (!m) ports.set(net, (m = new Map()));
  for (const name of [...m.keys()]) if (!present.some((i) => i.name === name)) m.delete(name);
  const used = new Set(m.values());
  let port = 1;
  while (used.has(port)) port++;
  m.set(hostIf, port);
  const state = (s: string) => `${bridge}: port ${port}(${hostIf}) entered ${s} state`;
  const at = dmesgStamp(host.clock.nowMs - host.kernel.bootMs);
  for (const line of [
    state('blocking'),
    state('disabled'),
    `${hostIf}: entered allmulticast mode`,
    `${hostIf}: entered promiscuous mode`,
    `${ifname}: renamed from ${peerTmp}`,
    state('blocking'),
    state('forwarding'),
  ])
    host.kernel.dmesg.push(`${at} ${line}`);
}

/** The dmesg stamp "[%5lu.%06lu]" of a time since boot (kernel/printk/printk.c print_time). */
export const dmesgStamp = (sinceBootMs: number) => `[${(sinceBootMs / 1000).toFixed(6).padStart(12, ' ')}]`;
