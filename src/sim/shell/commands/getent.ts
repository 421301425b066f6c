/**
 * getent (glibc 2.39) on the databases of files the shell sees (/etc/passwd, /etc/group):
 * `getent passwd|group [KEY…]` prints the matching lines (by name or number), exit 2 when a
 * key is not found, "Unknown database: %s" for a database it does not know
 * (glibc@glibc-2.39:nss/getent.c).
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { hostsDb } from '../getent-hosts.ts';

export const getent: SimCommand = {
  name: 'getent',
  async run(args, env): Promise<ExecResult> {
    const [db, ...keys] = args;
    if (db === undefined)
      return { stdout: '', stderr: "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n", exitCode: 1 };
    if (/^(hosts|ahosts|ahostsv4|ahostsv6)$/.test(db)) return hostsDb(db, keys, await env.readFile('/etc/hosts').catch(() => ''));
    const files: Record<string, string> = { passwd: '/etc/passwd', group: '/etc/group' };
    const file = files[db];
    if (!file) return { stdout: '', stderr: `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 };
    const lines = (await env.readFile(file).catch(() => '')).split('\n').filter((l) => l && !l.startsWith('#'));
    if (!keys.length) return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
    let out = '';
    let missing = false;
    for (const k of keys) {
      // A number is looked up by id (getpwuid/getgrgid), anything else by name.
      const hit = lines.find((l) => (/^\d+$/.test(k) ? l.split(':')[2] === k : l.split(':')[0] === k));
      if (hit) out += `${hit}\n`;
      else missing = true;
    }
    return { stdout: out, stderr: '', exitCode: missing ? 2 : 0 };
  },
};
