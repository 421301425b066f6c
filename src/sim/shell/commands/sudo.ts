import type { ExecResult } from '../../api.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const sudo: SimCommand = {
  name: 'sudo',
  async run(args, env) {
    let uid = 0;
    let i = 0;
    if (args[0] === '-u') {
      const name = args[1] ?? '';
      const u = env.host.fixture.users.find((x) => x.name === name || String(x.uid) === name.replace(/^#/, ''));
      if (!u) return R('', `sudo: unknown user ${name}\nsudo: error initializing audit plugin sudoers_audit\n`, 1);
      uid = u.uid;
      i = 2;
    }
    const argv = args.slice(i);
    if (!argv.length) return R('', 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n', 1);
    const k = env.host.kernel;
    const full = { inh: 0n, prm: env.host.loginShell.caps.prm, eff: env.host.loginShell.caps.eff, bnd: env.self.caps.bnd, amb: 0n };
    const caps = uid === 0 ? full : { inh: 0n, prm: 0n, eff: 0n, bnd: env.self.caps.bnd, amb: 0n };
    const p = k.spawn({
      parent: env.session.proc,
      argv: ['sudo', ...argv],
      patch: { uid, euid: uid, gid: uid, egid: uid, caps, reaps: true, handlers: new Set([2, 15]) },
    });
    const r = await env.runAs(p, () => env.exec(quoteArgv(argv)));
    if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
    k.release(p);
    return r;
  },
};
