import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// bash-5.2:lib/glob/glob.c glob_filename: a pattern ending in a slash matches directories only, each with the slash;
// one that matches no directory is left as typed (src/sim/shell/globdir.ts).
describe('globs ending in / (#10)', () => {
  it('list only directories, with their slash, for ls, echo and for', async () => {
    const w = createWorld();
    const dirs = (await sh(w, 'find /etc -mindepth 1 -maxdepth 1 -type d | sort')).out.trim().split('\n');
    expect((await sh(w, 'echo /etc/*/')).out).toBe(`${dirs.map((d) => `${d}/`).join(' ')}\n`);
    expect((await sh(w, 'ls -d /etc/*/ | cat')).out).toBe(dirs.map((d) => `${d}/\n`).join(''));
    expect((await sh(w, 'for d in /etc/k*/; do echo "[$d]"; done')).out).toBe('[/etc/kubernetes/]\n');
  });

  it('leave a pattern that matches no directory as typed (nullglob: gone), quoted ones alone, and $? as it was', async () => {
    const w = createWorld();
    expect((await sh(w, "echo /etc/h*/ '/etc/*/' /nonexist*/")).out).toBe('/etc/h*/ /etc/*/ /nonexist*/\n');
    expect((await sh(w, 'false; echo /e*/ $?')).out).toBe('/etc/ 1\n');
    expect((await sh(w, 'shopt -s nullglob; echo /nonexist*/ end')).out).toBe('end\n');
    expect((await sh(w, 'set -f; echo /e*/')).out).toBe('/e*/\n');
  });
});
