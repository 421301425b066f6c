/**
 * pstree, psmisc 23.7 (the Ubuntu host): the tree from PID 1 (or a PID given), children
 * sorted by name (-n: by PID), identical subtrees compacted as `N*[name]` and threads as
 * `{name}` (-c: not compacted; -p: PIDs, implies -c; -T: no threads), UTF-8 line drawing
 * to a terminal and ASCII to a pipe (-A, -U force one), no --help (an unknown option: usage, exit 1), lines cut at the width with `+` (the terminal's, 132 to a pipe; -l: not cut).
 * Logic: psmisc@v23.7:src/pstree.c (add_child, tree_equal, dump_tree, out_char,
 * get_output_width, dump_by_user, the sym_ascii/sym_utf tables, usage; "No such user name: %s"). Threads' IDs follow their
 * process's PID, as the simulator reserves them.
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { getopt } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

interface Node {
  comm: string;
  pid: number;
  uid: number;
  thread: boolean;
  children: Node[];
}

const UTF = { empty: '  ', branch: '├─', vert: '│ ', last: '└─', single: '───', first: '─┬─' };
const ASCII = { empty: '  ', branch: '|-', vert: '| ', last: '`-', single: '---', first: '-+-' };

const USAGE =
  'Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]\n              [ -A | -G | -U ] [ PID | USER ]\n   or: pstree -V\n\nDisplay a tree of processes.\n\n' +
  "  -a, --arguments     show command line arguments\n  -A, --ascii         use ASCII line drawing characters\n  -c, --compact-not   don't compact identical subtrees\n" +
  '  -C, --color=TYPE    color process by attribute\n                      (age)\n' +
  '  -g, --show-pgids    show process group ids; implies -c\n  -G, --vt100         use VT100 line drawing characters\n' +
  "  -h, --highlight-all highlight current process and its ancestors\n  -H PID, --highlight-pid=PID\n                      highlight this process and its ancestors\n  -l, --long          don't truncate long lines\n" +
  '  -n, --numeric-sort  sort output by PID\n  -N TYPE, --ns-sort=TYPE\n                      sort output by this namespace type\n                              (cgroup, ipc, mnt, net, pid, time, user, uts)\n  -p, --show-pids     show PIDs; implies -c\n' +
  '  -s, --show-parents  show parents of the selected process\n  -S, --ns-changes    show namespace transitions\n  -t, --thread-names  show full thread names\n  -T, --hide-threads  hide threads, show only processes\n' +
  '  -u, --uid-changes   show uid transitions\n  -U, --unicode       use UTF-8 (Unicode) line drawing characters\n  -V, --version       display version information\n' +
  '  -Z, --security-context\n                      show security attributes\n\n  PID    start at this PID; default is 1 (init)\n  USER   show only trees rooted at processes of this user\n\n';

function treeEqual(a: Node, b: Node): boolean {
  if (a.comm !== b.comm || a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => treeEqual(c, b.children[i] as Node));
}

function build(env: CmdEnv, byPid: boolean, threads: boolean): Map<number, Node> {
  const k = env.host.kernel;
  const viewer = env.self;
  const nodes = new Map<number, Node>();
  const live = [...k.procs.values()]
    .map((p) => ({ p, pid: k.pidIn(p, viewer.ns.pid) }))
    .filter((x): x is { p: Proc; pid: number } => x.pid !== undefined)
    .sort((a, b) => a.pid - b.pid);
  const used = new Set(live.map((x) => x.pid));
  for (const { p, pid } of live) nodes.set(pid, { comm: p.comm.slice(0, 15), pid, uid: p.uid, thread: false, children: [] });
  const add = (parent: Node, child: Node) => {
    // add_child: before the first sibling whose name sorts after (then uid); -n: by PID.
    const i = parent.children.findIndex((c) => (byPid ? c.pid > child.pid : c.comm > child.comm || (c.comm === child.comm && c.uid > child.uid)));
    if (i < 0) parent.children.push(child);
    else parent.children.splice(i, 0, child);
  };
  for (const { p, pid } of live) {
    const node = nodes.get(pid) as Node;
    if (threads && !p.kthread) {
      let tid = pid;
      for (let n = 1; n < p.threads; n++) {
        do tid++;
        while (used.has(tid));
        add(node, { comm: `{${node.comm}}`, pid: tid, uid: p.uid, thread: true, children: [] });
      }
    }
    const parent = k.procs.get(p.ppid);
    const ppid = parent ? k.pidIn(parent, viewer.ns.pid) : undefined;
    const pn = ppid !== undefined && ppid !== pid ? nodes.get(ppid) : undefined;
    if (pn) add(pn, node);
  }
  return nodes;
}

export const pstree: SimCommand = {
  name: 'pstree',
  async run(args, env): Promise<ExecResult> {
    const parsed = getopt(args, 'aAcC:gGhH:lnN:psStTuUVZ', [
      { name: 'arguments', arg: 'none', key: 'a' },
      { name: 'ascii', arg: 'none', key: 'A' },
      { name: 'compact-not', arg: 'none', key: 'c' },
      { name: 'long', arg: 'none', key: 'l' },
      { name: 'numeric-sort', arg: 'none', key: 'n' },
      { name: 'show-pids', arg: 'none', key: 'p' },
      { name: 'hide-threads', arg: 'none', key: 'T' },
      { name: 'unicode', arg: 'none', key: 'U' },
      { name: 'version', arg: 'none', key: 'V' },
    ]);
    if (!parsed.ok) return { stdout: '', stderr: `pstree: ${parsed.error}\n${USAGE}`, exitCode: 1 };
    const has = (k: string) => parsed.opts.some(([x]) => x === k);
    if (has('V'))
      return {
        stdout: '',
        stderr:
          'pstree (PSmisc) 23.7\nCopyright (C) 1993-2024 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n',
        exitCode: 0,
      };
    const supported = new Set(['A', 'c', 'l', 'n', 'p', 'T', 'U']);
    const other = parsed.opts.find(([x]) => !supported.has(x));
    if (other) return { stdout: '', stderr: `pstree: -${other[0]} is not simulated here (-p, -c, -n, -T, -l, -A and a PID are)\n`, exitCode: 1 };
    if (parsed.operands.length > 1) return { stdout: '', stderr: USAGE, exitCode: 1 };
    const pids = has('p');
    const compact = !has('c') && !pids;
    // UTF-8 lines only to a terminal (isatty(1) and a UTF-8 locale); to a pipe ASCII, unless -U.
    const lastSym = [...parsed.opts].reverse().find(([x]) => x === 'A' || x === 'U')?.[0];
    const sym = lastSym === 'A' ? ASCII : lastSym === 'U' || env.tty ? UTF : ASCII;
    const width = has('l') ? Number.POSITIVE_INFINITY : env.tty ? env.columns : 132;
    // The other commands of its pipeline run beside it (the `cat` of `pstree | cat`), as ps shows them.
    const k = env.host.kernel;
    const peers = env.pipeline.map((argv) =>
      k.spawn({
        parent: env.session.proc,
        argv,
        transient: true,
        patch: { state: 'S', tty: env.session.proc.tty, reaps: false, handlers: new Set(), threads: 1, program: { kind: 'idle' } },
      }),
    );
    let nodes: Map<number, Node>;
    try {
      nodes = build(env, has('n'), !has('T'));
    } finally {
      for (const p of peers.reverse()) k.release(p);
    }
    const start = parsed.operands[0];
    let user: number | undefined;
    if (start !== undefined && !/^\d+$/.test(start)) {
      const u = (await env.readFile('/etc/passwd').catch(() => ''))
        .split('\n')
        .map((l) => l.split(':'))
        .find((f) => f[0] === start);
      if (!u) return { stdout: '', stderr: `No such user name: ${start}\n`, exitCode: 1 };
      user = Number(u[2]);
    }
    const root = nodes.get(start === undefined || user !== undefined ? 1 : Number(start));
    if (!root) return { stdout: '', stderr: '', exitCode: 1 };
    let out = '';
    let line = '';
    let x = 1;
    // out_char: a character past the width is dropped; the first one past it becomes '+'.
    const put = (s: string) => {
      for (const ch of s) {
        x++;
        if (x <= width) line += ch;
        else if (x === width + 1) line += '+';
      }
    };
    const newline = () => {
      out += `${line}\n`;
      line = '';
      x = 1;
    };
    const widths: number[] = [];
    const more: boolean[] = [];
    const dump = (cur: Node, level: number, rep: number, leaf: boolean, last: boolean, closing: number): void => {
      if (!leaf)
        for (let lvl = 0; lvl < level; lvl++) {
          put(' '.repeat((widths[lvl] as number) + 1));
          put(lvl === level - 1 ? (last ? sym.last : sym.branch) : more[lvl + 1] ? sym.vert : sym.empty);
        }
      let add = 0;
      if (rep >= 2) {
        put(`${rep}*[`);
        add = String(rep).length + 2;
      }
      put(cur.comm);
      const offset = x;
      if (pids) put(`(${cur.pid})`);
      if (!cur.children.length) {
        put(']'.repeat(closing));
        newline();
      }
      more[level] = !last;
      widths[level] = cur.comm.length + x - offset + add;
      if (x >= width) {
        put(`${sym.first}+`);
        newline();
        return;
      }
      const kids = [...cur.children];
      let first = true;
      for (let i = 0; i < kids.length; i++) {
        const walk = kids[i] as Node;
        let count = 0;
        if (compact)
          for (let j = i + 1; j < kids.length; j++)
            if (treeEqual(walk, kids[j] as Node)) {
              kids.splice(j--, 1);
              count++;
            }
        const hasNext = i + 1 < kids.length;
        if (first) {
          put(hasNext ? sym.first : sym.single);
          first = false;
        }
        dump(walk, level + 1, count + 1, i === 0, !hasNext, closing + (count ? 1 : 0));
      }
    };
    // dump_by_user: each topmost process of the user, its tree after a blank line from the previous one.
    if (user !== undefined) {
      let dumped = false;
      const byUser = (n: Node) => {
        if (n.uid === user && !n.thread) {
          if (dumped) out += '\n';
          dump(n, 0, 1, true, true, 0);
          dumped = true;
          return;
        }
        for (const c of n.children) byUser(c);
      };
      byUser(root);
      if (!dumped) return { stdout: '', stderr: 'No processes found.\n', exitCode: 1 };
    } else dump(root, 0, 1, true, true, 0);
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
