import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { learnTraffic } from '../../net/neigh.ts';
import { reach, resolveName } from '../../net/reach.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { VIRTUAL_BOUND_MS } from '../../host.ts';
import { hostLookup } from '../host-lookup.ts';
import { busyboxArgs, iputilsArgs, type PingArgs } from '../ping-args.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** Whether `ip` answers from the current network namespace, and with which TTL. */
function reachable(env: CmdEnv, ip: string): { ok: boolean; ttl: number; base: number; unreachFrom?: string } | 'unreachable' {
  const t = reach(env.host, env.daemon.net, env.daemon.containers.values(), env.self.ns.net, ip);
  learnTraffic(env.host, env.daemon.net, env.daemon.containers.values(), env.self.ns.net, ip);
  if (t.kind === 'unreachable') return 'unreachable';
  if (t.kind === 'self') return { ok: true, ttl: 64, base: 0.031 };
  if (t.kind === 'host' || t.kind === 'container') return { ok: true, ttl: 64, base: 0.052 };
  if (t.kind === 'dropped') return { ok: false, ttl: 64, base: 0 };
  if (t.kind === 'wired') return { ok: true, ttl: t.ttl, base: 0.048 };
  if (t.kind === 'arp') return { ok: false, ttl: 64, base: 0, unreachFrom: t.src };
  return { ok: true, ttl: 117, base: 11.8 };
}

export const ping: SimCommand = {
  name: 'ping',
  async run(args, env) {
    const o = env.flavor === 'busybox' ? busyboxArgs(args) : iputilsArgs(args);
    if ('exit' in o) return o.exit;
    if (!o.warnings) return run(o, env);
    // The warnings come first, before the PING line.
    if (env.stream) {
      env.stream({ stream: 'stderr', text: o.warnings });
      return run(o, env);
    }
    const r = await run(o, env);
    const rest = r.output ?? [
      { stream: 'stdout' as const, text: r.stdout },
      { stream: 'stderr' as const, text: r.stderr },
    ];
    return { ...r, stderr: o.warnings + r.stderr, output: [{ stream: 'stderr', text: o.warnings }, ...rest.filter((l) => l.text)] };
  },
};

async function run(o: PingArgs, env: CmdEnv): Promise<ExecResult> {
  const bb = env.flavor === 'busybox';
  const { count, hosts } = o;
  const intervalMs = o.intervalMs ?? 1000;
  const host = hosts[0];
  if (!host)
    return R(
      '',
      bb ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n',
      bb ? 1 : 2,
    );
  // iputils@20240117:ping/ping.c: `ping: %s: %s` with gai_strerror, exit 2 (glibc's answer on node1: net/gai.ts).
  const looked = await hostLookup(env, host);
  if ('error' in looked) return R('', `ping: ${host}: ${looked.error}\n`, 2);
  const addr = looked.addr ?? resolveName(env.host, env.daemon.net, env.daemon.containers.values(), env.self.ns.net, host);
  if (!addr) return R('', bb ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`, bb ? 1 : 2);
  const range = (await env.readFile('/proc/sys/net/ipv4/ping_group_range').catch(() => '1\t0')).trim().split(/\s+/).map(Number);
  const groupOk = env.self.gid >= (range[0] ?? 1) && env.self.gid <= (range[1] ?? 0);
  if (!hasCap(env.self.caps, 'net_raw') && !groupOk)
    return R(
      '',
      bb
        ? 'ping: permission denied (are you root?)\n'
        : 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\nping: => missing cap_net_raw+p capability or setuid?\n',
      bb ? 1 : 2,
    );
  const r = reachable(env, addr);
  if (r === 'unreachable')
    return R('', bb ? `PING ${host} (${addr}): 56 data bytes\nping: sendto: Network unreachable\n` : 'ping: connect: Network is unreachable\n', bb ? 1 : 2);
  const start = env.host.clock.nowMs;
  let sent = 0;
  const times: number[] = [];
  let errors = 0;
  let out = bb ? `PING ${host} (${addr}): ${o.size} data bytes\n` : `PING ${host} (${addr}) ${o.size}(${o.size + 28}) bytes of data.\n`;
  for (;;) {
    sent++;
    if (r.ok) {
      const t = Number((r.base + ((sent * 7) % 5) * 0.009).toFixed(3));
      times.push(t);
      if (!o.quiet)
        out += bb
          ? `${o.size + 8} bytes from ${addr}: seq=${sent - 1} ttl=${r.ttl} time=${t.toFixed(3)} ms\n`
          : `${o.size + 8} bytes from ${addr === host || o.numeric ? addr : `${host} (${addr})`}: icmp_seq=${sent} ttl=${r.ttl} time=${t.toFixed(3)} ms\n`;
    } else if (r.unreachFrom !== undefined && !bb) {
      // iputils@20240117:ping/ping.c ping4_receive_error_msg (SO_EE_ORIGIN_ICMP) and pr_icmph: the error counts in nerrors.
      errors++;
      if (!o.quiet) out += `From ${r.unreachFrom} icmp_seq=${sent} Destination Host Unreachable\n`;
    }
    if (env.stream) {
      env.stream({ stream: 'stdout', text: out });
      out = '';
    }
    if (count !== undefined && sent >= count) break;
    // -w: the deadline ends it whatever the count (iputils@20240117:ping/ping_common.c main_loop).
    if (o.deadlineMs !== undefined && env.host.clock.nowMs - start + intervalMs > o.deadlineMs) {
      await env.host.waitUntil(() => false, Math.max(0, o.deadlineMs - (env.host.clock.nowMs - start)), env.signal);
      break;
    }
    const outcome = await env.host.waitUntil(() => false, intervalMs, env.signal);
    // SIGINT is caught (iputils@20240117:ping/ping_common.c setup: set_signal(SIGINT, sigexit)): the loop ends, finish()
    // prints the statistics and its status is ping's (`!nreceived`), not a death by SIGINT: bash goes on with the line.
    // busybox the same: busybox@1_36_1:networking/ping.c signal(SIGINT, print_stats_and_exit), exit(nrecv == 0 || …).
    if (outcome === 'aborted') {
      if (env.signal?.aborted) env.host.caughtSigint = times.length ? 0 : 1;
      break;
    }
    // Without -c ping never ends on its own. In virtual mode nobody presses Ctrl-C: after the
    // time bound it is interrupted as Ctrl-C would (the line then carries the time note), and,
    // as on SIGINT, prints its statistics (iputils-20240117 ping/ping_common.c finish()).
    if (env.host.clock.mode === 'virtual' && count === undefined && env.host.clock.nowMs - start >= VIRTUAL_BOUND_MS) {
      env.host.virtualStops++;
      break;
    }
  }
  const recv = times.length;
  const loss = Math.round(((sent - recv) / sent) * 100);
  const took = env.host.clock.nowMs - start;
  const min = Math.min(...times).toFixed(3);
  const max = Math.max(...times).toFixed(3);
  const avg = (times.reduce((a, b) => a + b, 0) / (recv || 1)).toFixed(3);
  const mdev = (recv ? Math.sqrt(times.reduce((a, t) => a + (t - Number(avg)) ** 2, 0) / recv) : 0).toFixed(3);
  out += `\n--- ${host} ping statistics ---\n`;
  if (bb)
    out += `${sent} packets transmitted, ${recv} packets received, ${loss}% packet loss\n${recv ? `round-trip min/avg/max = ${min}/${avg}/${max} ms\n` : ''}`;
  else
    out += `${sent} packets transmitted, ${recv} received${errors ? `, +${errors} errors` : ''}, ${loss}% packet loss, time ${took}ms\n${recv ? `rtt min/avg/max/mdev = ${min}/${avg}/${max}/${mdev} ms\n` : ''}`;
  if (env.stream) {
    env.stream({ stream: 'stdout', text: out });
    out = '';
  }
  return R(out, '', recv ? 0 : 1);
}
