import { sleepSeconds } from '../shell/commands/sleep.ts';
import { stressExit } from './stress-args.ts';
import type { Program } from '../kernel/types.ts';
import { NGINX_CONF, NGINX_DEFAULT_CONF } from '../image/bases/nginx-files.ts';
import { NGINX_HANDLERS } from './nginx-signals.ts';
import { scriptPlan, type ScriptPlan } from './script-plan.ts';

/** How a container's main process behaves, derived from its argv. */
export interface ProgramSpec {
  /** argv as `ps` shows it (nginx rewrites its title). */
  title: string[];
  comm: string;
  program: Program;
  handlers: number[];
  reaps: boolean;
  threads: number;
  rssKb: number;
  vszKb: number;
  /** Child processes started with it (nginx workers, stress hogs, the command under tini). */
  children: { argv: string[]; comm: string; program: Program; uid?: number; gid?: number; rssKb: number; vszKb: number }[];
  /** Lines written to the log at start. */
  logs: string[];
  /** Run once through the shell and exit with its status. */
  oneshot: boolean;
  /** An interactive shell (needs -i to stay). */
  shell: boolean;
  /** What PID 1 does when a handled signal arrives: exit with this status, or forward it to the child (tini). */
  onSignal: 'exit0' | 'forward' | 'nginx' | 'none';
  /** Set when docker-init wraps a one-shot command: the runner runs the command after `--`. */
  initWrapped?: boolean;
  /** What a one-shot entrypoint execs after its own start-up lines (`exec "$@"`): the runner runs it. */
  exec?: string[];
  /** Exits at once with this status after writing its logs (a start-up failure). */
  failWith?: number;
  /** Inner PID the children start at (nginx's entrypoint scripts use PIDs 7–28 first). */
  childPidStart?: number;
  /** A shell script that stays up: its prelude and loop (runtime/script-plan.ts, run by docker/loops.ts). */
  script?: ScriptPlan;
  /** TCP ports it listens on in its network namespace once started. */
  listens?: number[];
}

/** What the container's start-up can see: its root filesystem, user and capabilities. */
export interface StartContext {
  readOnly: boolean;
  tmpfs: string[];
  uid: number;
  /** net.ipv4.ip_unprivileged_port_start of the container's network namespace. */
  unprivilegedPortStart: number;
  /** CAP_NET_BIND_SERVICE is in the effective set (root with the capability; a non-root user never has it without ambient capabilities). */
  netBindService: boolean;
  release: string;
  /** argv[0] is a compiled program of the image (an executable that is not a script), e.g. a Go server in a scratch image. */
  binary?: boolean;
  /** The image's text files (path → content): the configuration a program reads at start-up. */
  files?: Readonly<Record<string, string>>;
}

/**
 * Short options the way getopt(3) (and busybox's getopt32) reads them: clustered (`-lp 80`),
 * with the value attached (`-p80`) or in the next word, up to the first non-option or `--`.
 * `withValue` lists the letters that take a value.
 */
function shortOptions(args: readonly string[], withValue: string): { flags: Set<string>; values: Record<string, string> } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || !a.startsWith('-') || a.length < 2) break;
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!;
      if (!withValue.includes(ch)) {
        flags.add(ch);
        continue;
      }
      values[ch] = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '');
      break;
    }
  }
  return { flags, values };
}

/**
 * Whether bind(2) to this TCP port succeeds: a port below ip_unprivileged_port_start needs CAP_NET_BIND_SERVICE, else
 * EACCES (torvalds/linux@v6.8:include/net/ip.h inet_port_requires_bind_service, net/ipv4/af_inet.c __inet_bind).
 */
export function canBind(start: StartContext, port: number): boolean {
  return port >= start.unprivilegedPortStart || start.netBindService;
}

const DEFAULT_START: StartContext = { readOnly: false, tmpfs: [], uid: 0, unprivilegedPortStart: 0, netBindService: true, release: '6.8.0-45-generic' };

/**
 * The stream a start-up line goes to: nginx's error log (/var/log/nginx/error.log → /dev/stderr) and `nginx: [emerg]`,
 * Go's standard logger (log.Fatal writes to os.Stderr), busybox's bb_perror_msg; the entrypoint scripts' and
 * fmt.Println's lines go to stdout; runc init's exec error goes to its stderr; memcached's refusal to run as root
 * is its fprintf(stderr, …).
 */
export function logStream(line: string): 'stdout' | 'stderr' {
  return /^can't run as root without the -u switch$|\[(notice|emerg|warn)\]|^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d |^nc: |: exec format error$|: \d+: exec: .*: (not found|Permission denied)$/.test(
    line,
  )
    ? 'stderr'
    : 'stdout';
}

const SIZE = /^(\d+(?:\.\d+)?)([bkmg]?)$/i;
function bytes(text: string): number {
  const m = SIZE.exec(text);
  if (!m) return 256 * 1024 * 1024;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Number(m[1]) * mult;
}

/** A `sh -c` script that is one simple command: busybox/dash exec it directly. */
function singleCommand(script: string): string[] | undefined {
  if (/[;&|<>$`(){}]/.test(script)) return undefined;
  const words = script.trim().split(/\s+/);
  return words.length && words[0] ? words : undefined;
}

const spec = (s: Partial<ProgramSpec> & Pick<ProgramSpec, 'title'>): ProgramSpec => ({
  comm: (s.title[0] ?? '').split('/').pop()!.slice(0, 15),
  program: { kind: 'idle' },
  handlers: [],
  reaps: false,
  threads: 1,
  rssKb: 1024,
  vszKb: 1700,
  children: [],
  logs: [],
  oneshot: false,
  shell: false,
  onSignal: 'none',
  ...s,
});

export function programFor(argv: string[], nowMs: number, cpus: number, stamp: string, start: StartContext = DEFAULT_START): ProgramSpec {
  const [cmd = '', ...args] = argv;
  const base = cmd.split('/').pop() ?? '';
  if (base === 'docker-init' || base === 'tini') {
    const rest = args[0] === '--' ? args.slice(1) : args;
    const child = programFor(rest, nowMs, cpus, stamp, start);
    // A one-shot command under tini (docker run --init alpine echo hi): the command runs to
    // completion and tini exits with its status.
    if (child.oneshot || child.shell) return { ...child, title: argv, handlers: [1, 2, 3, 10, 12, 15], reaps: true, onSignal: 'forward', initWrapped: true };
    return spec({
      title: argv,
      handlers: [1, 2, 3, 10, 12, 15],
      reaps: true,
      rssKb: 4,
      vszKb: 764,
      children: [{ argv: child.title, comm: child.comm, program: child.program, rssKb: child.rssKb, vszKb: child.vszKb }, ...child.children],
      logs: child.logs,
      oneshot: false,
      onSignal: 'forward',
    });
  }
  // With an option nginx does not serve: it prints (-v, -V, -t, -T, -h), signals the master (-s) or rejects the option,
  // and exits (commands/nginx.ts; nginx/nginx@release-1.25.5:src/core/nginx.c main). The entrypoint's scripts run first
  // (its `if [ "$1" = "nginx" ]`), then it execs the command (nginxinc/docker-nginx@1.25.5:mainline/debian/docker-entrypoint.sh).
  const told = (a: readonly string[]) => a.some((w) => w.startsWith('-') && !/^-g/.test(w));
  if (base === 'docker-entrypoint.sh' && args[0] === 'nginx' && told(args.slice(1))) {
    const scripts = programFor(['nginx'], nowMs, cpus, stamp, start).logs.filter((l) => l.startsWith('/docker-entrypoint.sh') || l.startsWith('10-'));
    return spec({ title: args, oneshot: true, logs: scripts, exec: args });
  }
  if (base === 'docker-entrypoint.sh' && args[0] === 'nginx') return programFor(args, nowMs, cpus, stamp, start);
  if (base === 'nginx' && told(args)) return spec({ title: argv, oneshot: true });
  if (base === 'nginx') {
    const title = ['nginx: master process', ...argv];
    const covered = (dir: string) => start.tmpfs.some((t) => dir === t || dir.startsWith(`${t}/`));
    const site = start.files?.['/etc/nginx/conf.d/default.conf'] ?? NGINX_DEFAULT_CONF;
    const conf = start.files?.['/etc/nginx/nginx.conf'] ?? NGINX_CONF;
    // What nginx.conf and default.conf say: the port of `listen`, and where the temp directories go (compiled-in
    // default /var/cache/nginx/client_temp). nginxinc/nginx-unprivileged rewrites both (listen 8080, temp paths in
    // /tmp), deletes `user  nginx;` and hands /etc/nginx and /var/cache/nginx to UID 101
    // (nginxinc/docker-nginx-unprivileged@b3b9e1c:mainline/debian/Dockerfile).
    const port = Number(/^\s*listen\s+(\d+);/m.exec(site)?.[1] ?? 80);
    const clientTemp = /^\s*client_body_temp_path\s+(\S+);/m.exec(conf)?.[1] ?? '/var/cache/nginx/client_temp';
    const tempDir = clientTemp.slice(0, clientTemp.lastIndexOf('/')) || '/';
    const owner = /^user\s+nginx;/m.test(conf) ? 0 : 101;
    const confRo = start.readOnly && !covered('/etc/nginx/conf.d');
    // 10-listen-on-ipv6-by-default.sh: `touch` decides whether it may edit default.conf, then it compares the file with
    // the package's checksum (nginxinc/docker-nginx@1.25.5:mainline/debian/10-listen-on-ipv6-by-default.sh).
    const ipv6 =
      confRo || (start.uid !== 0 && start.uid !== owner)
        ? ['10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)']
        : site !== NGINX_DEFAULT_CONF
          ? [
              '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
              '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version',
            ]
          : [
              '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
              '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
            ];
    const logs = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      ...ipv6,
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ];
    // nginx's start-up failures, in the order nginx meets them.
    const fail = (msg: string) => [...logs, `${stamp} [emerg] 1#1: ${msg}`, `nginx: [emerg] ${msg}`];
    const tempRo = start.readOnly && !covered(tempDir);
    const tempOwner = tempDir === '/tmp' ? start.uid : owner;
    if (tempRo) return spec({ title: [title.join(' ')], comm: 'nginx', logs: fail(`mkdir() "${clientTemp}" failed (30: Read-only file system)`), failWith: 1 });
    if (start.uid !== 0 && start.uid !== tempOwner && !covered(tempDir))
      return spec({ title: [title.join(' ')], comm: 'nginx', logs: fail(`mkdir() "${clientTemp}" failed (13: Permission denied)`), failWith: 1 });
    if (!canBind(start, port))
      return spec({ title: [title.join(' ')], comm: 'nginx', logs: fail(`bind() to 0.0.0.0:${port} failed (13: Permission denied)`), failWith: 1 });
    logs.push(
      `${stamp} [notice] 1#1: using the "epoll" event method`,
      `${stamp} [notice] 1#1: nginx/1.25.5`,
      `${stamp} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
      `${stamp} [notice] 1#1: OS: Linux ${start.release}`,
      `${stamp} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${stamp} [notice] 1#1: start worker processes`,
      ...Array.from({ length: cpus }, (_, i) => `${stamp} [notice] 1#1: start worker process ${29 + i}`),
    );
    return spec({
      title: [title.join(' ')],
      comm: 'nginx',
      handlers: NGINX_HANDLERS,
      reaps: true,
      rssKb: 5888,
      vszKb: 11404,
      // Without `user` (or as non-root, where nginx ignores it) the workers keep the master's UID. With it, a worker
      // started as root takes the user's group too (nginx src/os/unix/ngx_process_cycle.c ngx_worker_process_init:
      // setgid(ccf->group), initgroups, setuid(ccf->user); `user nginx;` names no group, so nginx's own, 101), and
      // stays dumpable (its prctl(PR_SET_DUMPABLE, 1)), so /proc/PID/fd is owned by its euid and egid (fs/procfs.ts).
      children: Array.from({ length: cpus }, () => ({
        argv: ['nginx: worker process'],
        comm: 'nginx',
        program: { kind: 'idle' as const },
        uid: owner === 0 && start.uid === 0 ? 101 : start.uid,
        ...(owner === 0 && start.uid === 0 ? { gid: 101 } : {}),
        rssKb: 2760,
        vszKb: 11872,
      })),
      logs,
      onSignal: 'nginx',
      childPidStart: 29,
      listens: [port],
    });
  }
  // registry:2 — its entrypoint execs `registry serve CONFIG`, which shuts down cleanly on SIGTERM.
  if (base === 'entrypoint.sh' && args[0] === '/etc/docker/registry/config.yml')
    return spec({
      listens: [5000],
      title: ['registry', 'serve', ...args],
      comm: 'registry',
      threads: 7,
      rssKb: 14_200,
      vszKb: 1_236_540,
      handlers: [2, 15],
      onSignal: 'exit0',
      logs: [
        `time="${new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z')}" level=info msg="listening on [::]:5000" go.version=go1.20.8 instance.id=${'5c1f3b8e-0d7a-4c5e-9f2b-6a8d4e1c7b90'} service=registry version=2.8.3`,
      ],
    });
  // node with an option first (`node -v`) prints and exits (shell/commands/node.ts); with a script it serves (kubia).
  if (base === 'node' && args[0]?.startsWith('-')) return spec({ title: argv, oneshot: true });
  if (base === 'node') return spec({ listens: [8080], title: argv, threads: 14, rssKb: 27876, vszKb: 550504, logs: ['Kubia server starting...'] });
  // registry.k8s.io/pause: sleeps in pause(2) and reaps orphans; SIGINT/SIGTERM end it (kubernetes build/pause/linux/pause.c).
  if (cmd === '/pause') return spec({ title: argv, comm: 'pause', handlers: [2, 15, 17], reaps: true, rssKb: 4, vszKb: 996, onSignal: 'exit0' });
  // CoreDNS with kubeadm's Corefile (apiserver/fixture-kubeadm.ts): `.:53`, health on :8080, ready on :8181, prometheus
  // :9153 (coredns/coredns@v1.11.1 plugin/health, plugin/ready); its image's /coredns carries cap_net_bind_service, so
  // the non-root server binds :53. Its start-up lines (the Corefile's SHA512 among them) are not simulated.
  if (cmd === '/coredns')
    return spec({ listens: [53, 8080, 8181, 9153], title: argv, threads: 10, rssKb: 40_960, vszKb: 1_300_000, handlers: [2, 15], onSignal: 'exit0' });
  // memcached's docker-entrypoint.sh ends in `exec "$@"`; memcached stays in the foreground on :11211 and exits on SIGTERM.
  if (base === 'docker-entrypoint.sh' && args[0] === 'memcached') return programFor(args, nowMs, cpus, stamp, start);
  // -V/--version, -h and -i print and exit (memcached@1.6.29:memcached.c main): the shell's memcached answers them.
  if (base === 'memcached' && args.some((a) => a === '--version' || a === '--help' || a === '--license' || /^-[^-]*[Vhi]/.test(a)))
    return spec({ title: argv, oneshot: true });
  // As root without -u it refuses to start: "can't run as root without the -u switch" on stderr, EX_USAGE (memcached.c main).
  if (base === 'memcached' && start.uid === 0 && !args.some((a) => a === '-u' || a.startsWith('--user') || /^-[^-]*u/.test(a)))
    return spec({ title: argv, logs: ["can't run as root without the -u switch"], failWith: 64 });
  if (base === 'memcached') return spec({ listens: [11211], title: argv, threads: 10, rssKb: 3_584, vszKb: 415_936, handlers: [2, 15], onSignal: 'exit0' });
  if (base === 'sleep') {
    // `sleep 10m`, `sleep 1d`: coreutils and busybox take s/m/h/d suffixes (shell/commands/sleep.ts).
    const n = sleepSeconds(args) ?? NaN;
    if (!Number.isFinite(n)) return n === Infinity ? spec({ title: argv, rssKb: 4, vszKb: 1612 }) : spec({ title: argv, oneshot: true });
    return spec({ title: argv, program: { kind: 'sleep', untilMs: nowMs + n * 1000 }, rssKb: 4, vszKb: 1612 });
  }
  if (base === 'tail' && args.includes('/dev/zero'))
    return spec({ title: argv, program: { kind: 'memhog', bytesPerSec: 800 * 1024 * 1024 }, rssKb: 4, vszKb: 1624 });
  if (base === 'zombie-maker') return spec({ title: argv, program: { kind: 'zombie-maker', everyMs: 5000, nextMs: nowMs + 5000 }, rssKb: 4, vszKb: 1612 });
  // Help, version, usage (no hog asked for) and a bad option end stress before any hog starts (stress-args.ts).
  // The shell runs it by name: its container view lists the image's programs under /bin, not /usr/bin.
  if (base === 'stress' && stressExit(cmd, args, 1)) return spec({ title: argv, oneshot: true, exec: ['stress', ...args] });
  if (base === 'stress') {
    const vm = args.indexOf('--vm');
    const cpu = args.indexOf('--cpu');
    const vmBytes = args.indexOf('--vm-bytes');
    const children: ProgramSpec['children'] = [];
    if (vm >= 0)
      for (let i = 0; i < Number(args[vm + 1] ?? 1); i++)
        children.push({
          argv: argv,
          comm: 'stress',
          program: { kind: 'memhog', bytesPerSec: Math.min(bytes(args[vmBytes + 1] ?? '256M'), 512 * 1024 * 1024) },
          rssKb: 4,
          vszKb: 7484,
        });
    if (cpu >= 0)
      for (let i = 0; i < Number(args[cpu + 1] ?? 1); i++) children.push({ argv: argv, comm: 'stress', program: { kind: 'cpuhog' }, rssKb: 4, vszKb: 7484 });
    const counts = `${cpu >= 0 ? (args[cpu + 1] ?? 1) : 0} cpu, 0 io, ${vm >= 0 ? (args[vm + 1] ?? 1) : 0} vm, 0 hdd`;
    return spec({ title: argv, reaps: true, rssKb: 4, vszKb: 7484, children, logs: [`stress: info: [1] dispatching hogs: ${counts}`] });
  }
  if ((base === 'sh' || base === 'ash' || base === 'bash') && args[0] === '-c' && args[1] !== undefined) {
    const script = args[1];
    if (/^\s*while\s+(:|true);\s*do\s+(:|true);\s*done\s*$/.test(script)) return spec({ title: argv, program: { kind: 'cpuhog' }, rssKb: 4, vszKb: 1700 });
    const single = singleCommand(script);
    if (single) {
      const inner = programFor(single, nowMs, cpus, stamp);
      if (!inner.oneshot) return inner;
    }
    // A loop with a sleep, or commands then a sleep: the shell stays up (docker/loops.ts runs the commands).
    const plan = scriptPlan(script);
    if (plan?.loop) return spec({ title: argv, script: plan, rssKb: 4, vszKb: 1700 });
    const nap = plan?.sleep !== undefined ? programFor(['sleep', plan.sleep], nowMs, cpus, stamp) : undefined;
    if (plan && nap && !nap.oneshot) return { ...nap, title: argv, comm: base.slice(0, 15), script: plan };
    return spec({ title: argv, oneshot: true });
  }
  if ((base === 'sh' || base === 'ash' || base === 'bash') && args.length === 0)
    return spec({ title: argv, shell: true, handlers: [2, 15], reaps: true, rssKb: 3200, vszKb: 4100 });
  // cloudnatived/demo:hello's /bin/demo (image/bases/catalog-more.ts): a Go net/http server whose main prints a line
  // with fmt.Println, then runs log.Fatal(http.ListenAndServe(":8888", nil)) (cloudnativedevops/demo@a87b655:hello/main.go).
  // Port 8888 needs no capability anywhere. Should the bind fail, log.Fatal prints the *net.OpError after the standard
  // logger's date and time and exits 1 (golang/go@go1.22.3:src/net/net.go OpError.Error, src/log/log.go Fatal).
  if (cmd === '/bin/demo') {
    const hello = 'Running demo app. Press Ctrl+C to exit...';
    if (!canBind(start, 8888)) return spec({ title: argv, logs: [hello, `${stamp} listen tcp :8888: bind: permission denied`], failWith: 1 });
    return spec({ title: argv, threads: 5, rssKb: 5_800, vszKb: 1_236_000, listens: [8888], logs: [hello] });
  }
  // busybox 1.36's nc in alpine (CONFIG_NC_110_COMPAT, networking/nc_bloaty.c): `nc -l -p PORT` binds with xbind,
  // which dies with bb_simple_perror_msg_and_die("bind") (busybox@1_36_1:libbb/xfuncs_printf.c) and exit 1.
  // Bound, it waits for one connection. (alpine's busybox has no httpd applet: aports main/busybox/busyboxconfig.)
  const ncOpts = base === 'nc' ? shortOptions(args, 'eipqsow') : undefined;
  if (ncOpts?.flags.has('l')) {
    const port = Number(ncOpts.values.p ?? NaN);
    if (Number.isInteger(port) && port > 0 && port < 65536) {
      if (!canBind(start, port)) return spec({ title: argv, logs: ['nc: bind: Permission denied'], failWith: 1 });
      return spec({ title: argv, rssKb: 4, vszKb: 1612, listens: [port] });
    }
  }
  // A compiled program the simulator knows nothing more about (the lessons' Go servers): it keeps running,
  // silently, and installs no signal handler of its own.
  if (start.binary) return spec({ title: argv, threads: 5, rssKb: 5_800, vszKb: 1_236_000 });
  return spec({ title: argv, oneshot: true });
}
