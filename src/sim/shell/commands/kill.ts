import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { parseSignal } from '../../kernel/signals.ts';
import { killList } from './killlist.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** A signal named on kill's command line: 0 (only the checks, no signal; kill(2)) or a signal name or number. */
function signalArg(text: string): number | undefined {
  return text === '0' ? 0 : parseSignal(text);
}

export const kill: SimCommand = {
  name: 'kill',
  // A shell built-in in bash and in busybox ash: it runs in the shell's process and takes no PID.
  noProcess: true,
  async run(args, env) {
    const k = env.host.kernel;
    let sig = 15;
    const pids: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-l' || a === '-L') return killList(args.slice(i + 1), env.session.shell === 'sh' ? 'sh' : 'bash');
      if (a === '-s') {
        const s = signalArg(args[++i] ?? '');
        if (s === undefined) return R('', `bash: kill: ${args[i]}: invalid signal specification\n`, 1);
        sig = s;
      } else if (a.startsWith('-') && !/^-\d+$/.test(a.slice(1)) ? true : a.startsWith('-') && pids.length === 0) {
        const s = signalArg(a.slice(1));
        if (s === undefined) return R('', `bash: kill: ${a.slice(1)}: invalid signal specification\n`, 1);
        sig = s;
      } else pids.push(a);
    }
    if (!pids.length) return R('', 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', 2);
    let err = '';
    for (let a of pids) {
      // bash's kill built-in on the host and in debian; busybox's applet in alpine.
      const bb = env.flavor === 'busybox';
      if (a.startsWith('%') && !bb) {
        // A job spec: the job's process (bash-5.2:builtins/kill.def; common.c sh_badjob "%s: no such job").
        const job = env.session.jobs?.find(a);
        if (!job || job === 'ambiguous') {
          err += `bash: kill: ${a}: ${job === 'ambiguous' ? 'ambiguous job spec' : 'no such job'}\n`;
          continue;
        }
        a = String(job.proc.pid);
      }
      const t = [...k.procs.values()].find((p) => k.pidIn(p, env.self.ns.pid) === Number(a));
      if (!t) {
        err += bb ? `kill: can't kill pid ${a}: No such process\n` : `bash: kill: (${a}) - No such process\n`;
        continue;
      }
      if (t.uid !== env.self.uid && !hasCap(env.self.caps, 'kill')) {
        err += bb ? `kill: can't kill pid ${a}: Operation not permitted\n` : `bash: kill: (${a}) - Operation not permitted\n`;
        continue;
      }
      // Signal 0 only checks that the process exists and may be signalled (kill(2)); a zombie has
      // already exited: kill(2) succeeds and changes nothing; only its parent's wait() removes it.
      if (sig === 0 || t.state === 'Z') continue;
      const fromAncestor = k.ns(env.self.ns.pid).level < k.ns(t.ns.pid).level;
      if (t.containerId && k.isNsInit(t)) {
        const c = env.daemon.containers.get(t.containerId);
        if (c && fromAncestor) {
          env.daemon.signal(c, sig);
          continue;
        }
      }
      const s = env.session;
      const self = t === s.proc && s.shell === 'bash' && !s.script && !t.traps?.has(sig);
      // bash ignores SIGQUIT, and with job control (interactive) SIGTSTP, SIGTTIN and SIGTTOU (bash@bash-5.2:sig.c
      // initialize_shell_signals `set_signal_handler (SIGQUIT, SIG_IGN)`; jobs.c initialize_job_control).
      if (self && [3, 20, 21, 22].includes(sig)) continue;
      k.signal(t, sig, fromAncestor);
      // An interactive bash's own SIGINT, not trapped: the line is abandoned, $? 130, a newline on stderr
      // (bash@bash-5.2:sig.c sigint_sighandler, throw_to_top_level: `if (interactive && print_newline)`; shell/sigint.ts).
      if (self && sig === 2 && !t.ignored?.has(2)) {
        t.interrupted = true;
        return R('', `${err}\n`, 130);
      }
      // bash reaps the job when SIGCHLD comes, after the prompt is back: `jobs` or the next prompt tells its end.
      const job = env.session.jobs?.byPid(t.pid);
      if (job) job.hold = true;
    }
    return R('', err, err ? 1 : 0);
  },
};
