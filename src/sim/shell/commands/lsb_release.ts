/**
 * `lsb_release` on Ubuntu 24.04 (lsb-release 12.0-2, from lsb-release-minimal): the fields come
 * from /etc/os-release; -a and -v first say on stderr that no LSB modules are installed.
 */
import type { SimCommand } from '../types.ts';

export const lsbRelease: SimCommand = {
  name: 'lsb_release',
  flavors: ['coreutils'],
  async run(args, env) {
    const text = await env.readFile('/etc/os-release').catch(() => '');
    const field = (k: string) => /^(\w+)=("?)(.*)\2$/m.exec(text.split('\n').find((l) => l.startsWith(`${k}=`)) ?? '')?.[3] ?? '';
    const f = new Set<string>();
    for (const a of args) {
      const long: Record<string, string> = {
        '--all': 'a',
        '--id': 'i',
        '--description': 'd',
        '--release': 'r',
        '--codename': 'c',
        '--short': 's',
        '--version': 'v',
      };
      if (long[a]) f.add(long[a] as string);
      else if (a.startsWith('-') && !a.startsWith('--')) for (const c of a.slice(1)) f.add(c);
      else return { stdout: '', stderr: `lsb_release: unrecognized option '${a}'\n`, exitCode: 1 };
    }
    const bad = [...f].find((c) => !'aidrcsvh'.includes(c));
    if (bad) return { stdout: '', stderr: `lsb_release: invalid option -- '${bad}'\n`, exitCode: 1 };
    if (f.has('a')) for (const c of 'vidrc') f.add(c);
    if (![...f].some((c) => 'vidrc'.includes(c))) f.add('v');
    const short = f.has('s');
    const rows: [string, string, string][] = [
      ['i', 'Distributor ID', field('NAME')],
      ['d', 'Description', field('PRETTY_NAME')],
      ['r', 'Release', field('VERSION_ID')],
      ['c', 'Codename', field('VERSION_CODENAME')],
    ];
    const shown = rows.filter(([c]) => f.has(c));
    const stdout = short ? `${shown.map(([, , v]) => v).join(' ')}\n` : shown.map(([, k, v]) => `${k}:\t${v}\n`).join('');
    const stderr = f.has('v') ? 'No LSB modules are available.\n' : '';
    return {
      stdout: shown.length ? stdout : '',
      stderr,
      exitCode: 0,
      output: [...(stderr ? [{ stream: 'stderr' as const, text: stderr }] : []), ...(shown.length ? [{ stream: 'stdout' as const, text: stdout }] : [])],
    };
  },
};
