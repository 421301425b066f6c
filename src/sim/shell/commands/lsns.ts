import type { ExecResult, NamespaceType } from '../../api.ts';
import { NS_TYPES } from '../../kernel/types.ts';
import type { SimCommand } from '../types.ts';
import { passwdOf } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const lsns: SimCommand = {
  name: 'lsns',
  async run(args, env) {
    const k = env.host.kernel;
    // util-linux lsns.c: each -t adds a type to the set shown.
    const types: string[] = [];
    let pidArg: number | undefined;
    let cols = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', 'COMMAND'];
    let noHead = false;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-t' || args[i] === '--type') types.push(args[++i] ?? '');
      else if (args[i] === '-p' || args[i] === '--task') pidArg = Number(args[++i]);
      else if (args[i] === '-o' || args[i] === '--output') cols = (args[++i] ?? '').toUpperCase().split(',');
      else if (args[i] === '-n' || args[i] === '--noheadings') noHead = true;
      else return R('', `lsns: unrecognized option '${args[i]}'\nTry 'lsns --help' for more information.\n`, 1);
    }
    const known = ['NS', 'TYPE', 'NPROCS', 'PID', 'PPID', 'USER', 'UID', 'COMMAND', 'PATH'];
    const bad = cols.find((c) => !known.includes(c));
    if (bad) return R('', `lsns: unknown column: ${bad}\n`, 1);
    const type = types.find((t) => !NS_TYPES.includes(t as NamespaceType));
    if (type !== undefined) return R('', `lsns: unknown namespace type: ${type}\n`, 1);
    const visible = [...k.procs.values()].filter((p) => k.pidIn(p, env.self.ns.pid) !== undefined && p.state !== 'Z');
    // The visible processes of each namespace, in one pass (a namespace's inode is unique across types).
    const byNs = new Map<number, typeof visible>();
    for (const p of visible)
      for (const t of NS_TYPES) {
        const list = byNs.get(p.ns[t]);
        if (list) list.push(p);
        else byNs.set(p.ns[t], [p]);
      }
    let inodes = [...byNs.keys()];
    if (pidArg !== undefined) {
      const target = visible.find((p) => k.pidIn(p, env.self.ns.pid) === pidArg);
      if (!target) return R('', `lsns: cannot open /proc/${pidArg}: No such file or directory\n`, 1);
      inodes = NS_TYPES.map((t) => target.ns[t]);
    }
    const rows = inodes
      .map((ino) => k.ns(ino))
      .filter((n) => !types.length || types.includes(n.type))
      .sort((a, b) => a.inode - b.inode)
      .map((n) => {
        const members = (byNs.get(n.inode) ?? []).filter((p) => p.ns[n.type] === n.inode).sort((a, b) => a.pid - b.pid);
        const first = members[0];
        const pid = first ? (k.pidIn(first, env.self.ns.pid) ?? 0) : 0;
        const parent = first ? k.procs.get(first.ppid) : undefined;
        const value: Record<string, string> = {
          NS: String(n.inode),
          TYPE: n.type,
          NPROCS: String(members.length),
          PID: String(pid),
          PPID: String(parent ? (k.pidIn(parent, env.self.ns.pid) ?? 0) : 0),
          USER: first && first.uid !== 0 ? env.host.userName(first.uid, passwdOf(env)) : 'root',
          UID: String(first?.uid ?? 0),
          COMMAND: first ? (first.kthread ? (first.argv[0] ?? '') : first.argv.join(' ')) : '',
          PATH: `/proc/${pid}/ns/${n.type}`,
        };
        return cols.map((c) => value[c] ?? '');
      });
    const head = cols;
    const all = noHead ? rows : [head, ...rows];
    const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)));
    const right = cols.map((c) => ['NS', 'NPROCS', 'PID', 'PPID', 'UID'].includes(c));
    return R(
      all
        .map((r) => r.map((c, i) => (i === r.length - 1 ? c : right[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(' '))
        .map((l) => `${l}\n`)
        .join(''),
    );
  },
};
