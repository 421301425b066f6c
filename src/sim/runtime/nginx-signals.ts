/**
 * What nginx's master process (PID 1 of an nginx container, `daemon off;`) does with a signal, and the error-log lines
 * it writes (the image links /var/log/nginx/error.log to /dev/stderr, so they are the container's log). Sources:
 * nginx/nginx@release-1.25.5 (the image's nginx; release-1.27.1 has the same two files):
 * - src/os/unix/ngx_process.c ngx_signal_handler: "signal %d (%s) received from %P%s", or "signal %d (%s) received%s"
 *   when si_pid is 0 (a sender outside the container's PID namespace: docker kill, docker stop, the kubelet). The
 *   action: HUP ", reconfiguring", USR1 ", reopening logs", QUIT ", shutting down", TERM/INT ", exiting", USR2
 *   ", ignoring" (ngx_parent is the master's parent, 0 in a container, so ngx_getppid() == ngx_parent) then the [crit]
 *   line; WINCH only acts when daemonized (not here), ALRM/IO/CHLD carry no action. SIGPIPE and SIGSYS are SIG_IGN.
 * - src/os/unix/ngx_process_cycle.c ngx_master_process_cycle: "reconfiguring" then ngx_init_cycle and new workers
 *   (NGX_PROCESS_JUST_RESPAWN), the old ones told to quit over their channel (no signal, so no line of theirs for
 *   it); "reopening logs" then the workers reopen theirs; on quit/terminate the workers are told over the channel and
 *   the master ends with "exit" (ngx_master_process_exit, status 0) once ngx_reap_children finds none alive.
 * - ngx_worker_process_cycle: "gracefully shutting down" (quit), "exiting", "reopening logs"; ngx_worker_process_exit
 *   "exit"; ngx_process_get_status "worker process %P exited with code %d".
 * The lines of several workers interleave in any order on a real host; here they come one worker after the other.
 * The master takes 100 ms to exit, as every other served program here (runc.ts).
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Proc } from '../kernel/types.ts';

/** The error log's time stamp (ngx_log_error_core: "%4d/%02d/%02d %02d:%02d:%02d") and "PID#TID". */
export function ngxLogLine(ms: number, level: string, pid: number, msg: string): string {
  const stamp = new Date(ms).toISOString().replace(/-/g, '/').replace('T', ' ').slice(0, 19);
  return `${stamp} [${level}] ${pid}#${pid}: ${msg}\n`;
}

/** The signals nginx's master catches (signals[] in ngx_process.c; NGX_*_SIGNAL on Linux). */
export const NGINX_HANDLERS = [1, 2, 3, 10, 12, 14, 15, 17, 28, 29];

const NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  10: 'SIGUSR1',
  12: 'SIGUSR2',
  14: 'SIGALRM',
  15: 'SIGTERM',
  17: 'SIGCHLD',
  28: 'SIGWINCH',
  29: 'SIGIO',
};
const ACTIONS: Readonly<Record<number, string>> = {
  1: ', reconfiguring',
  2: ', exiting',
  3: ', shutting down',
  10: ', reopening logs',
  12: ', ignoring',
  15: ', exiting',
};

/**
 * The master `master` takes signal `sig` from `from` (its PID as the master sees it; 0 from outside the container).
 * `log` appends one error-log line to the container's log.
 */
export function nginxMasterSignal(k: Kernel, master: Proc, sig: number, from: number, log: (line: string) => void): void {
  const line = (pid: number, msg: string, level = 'notice') => log(ngxLogLine(k.clock.nowMs, level, pid, msg));
  const name = NAMES[sig];
  if (!name) return;
  const action = ACTIONS[sig] ?? '';
  line(1, from ? `signal ${sig} (${name}) received from ${from}${action}` : `signal ${sig} (${name}) received${action}`);
  const workers = k.children(master).filter((p) => p.state !== 'Z' && p.argv[0] === 'nginx: worker process');
  const pidOf = (w: Proc) => k.pidIn(w, master.ns.pid) ?? w.pid;
  if (sig === 12) line(1, "the changing binary signal is ignored: you should shutdown or terminate before either old or new binary's process", 'crit');
  else if (sig === 1) reconfigure(k, master, workers, line);
  else if (sig === 10) {
    line(1, 'reopening logs');
    for (const w of workers) line(pidOf(w), 'reopening logs');
  } else if (sig === 3 || sig === 2 || sig === 15) {
    for (const w of workers) {
      const wp = pidOf(w);
      for (const m of sig === 3 ? ['gracefully shutting down', 'exiting', 'exit'] : ['exiting', 'exit']) line(wp, m);
      line(1, `signal 17 (SIGCHLD) received from ${wp}`);
      line(1, `worker process ${wp} exited with code 0`);
    }
    k.timers.push({
      at: k.now + 100,
      fn: () => {
        if (master.state === 'Z') return;
        line(1, 'exit');
        k.exit(master, 0);
      },
    });
  }
}

/** SIGHUP: the master re-reads its configuration and starts new workers; the old ones shut down gracefully. */
function reconfigure(k: Kernel, master: Proc, old: readonly Proc[], line: (pid: number, msg: string) => void): void {
  line(1, 'reconfiguring');
  line(1, 'using the "epoll" event method');
  line(1, 'start worker processes');
  for (const w of old) {
    const n = k.spawn({
      parent: master,
      argv: [...w.argv],
      comm: w.comm,
      patch: {
        program: w.program,
        uid: w.uid,
        euid: w.euid,
        gid: w.gid,
        egid: w.egid,
        reaps: false,
        handlers: new Set(),
        rssBytes: w.rssBytes,
        vszKb: w.vszKb,
        state: 'S',
      },
    });
    line(1, `start worker process ${k.pidIn(n, master.ns.pid) ?? n.pid}`);
  }
  for (const w of old) {
    const wp = k.pidIn(w, master.ns.pid) ?? w.pid;
    for (const m of ['gracefully shutting down', 'exiting', 'exit']) line(wp, m);
    k.exit(w, 0);
    line(1, `signal 17 (SIGCHLD) received from ${wp}`);
    line(1, `worker process ${wp} exited with code 0`);
  }
  line(1, 'signal 29 (SIGIO) received');
}
