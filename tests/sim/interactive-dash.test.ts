import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// dash 0.5.12 as an interactive /bin/sh: PS1 "# " for root ("PS1 depends on uid", dash@v0.5.12:src/var.c), errors
// "$0: N: …" where N counts the lines it has read (src/input.c plinno; src/error.c exvwarning2), cd's failure status 2.
describe('an interactive dash (#10)', () => {
  it('docker run -it debian sh: dash prompt, words and line count', async () => {
    const w = await world(['debian']);
    await sh(w, 'docker run -it --rm debian sh');
    expect(w.prompt()).toBe('# ');
    expect((await sh(w, 'nosuch')).out).toBe('sh: 1: nosuch: not found\n');
    expect((await sh(w, 'echo a; nosuch; cd /nope; echo $?')).out).toBe("a\nsh: 2: nosuch: not found\nsh: 2: cd: can't cd to /nope\n2\n");
    await sh(w, '');
    expect((await sh(w, 'fi')).out).toBe('sh: 4: Syntax error: "fi" unexpected\n');
    expect((await sh(w, 'echo $$ $PPID')).out).toBe('1 0\n');
    // dash says nothing as it exits (bash says "exit").
    expect((await sh(w, 'exit')).out).toBe('');
    expect(w.prompt()).toBe('root@node1:~# ');
  });

  it('sh typed at the prompt: a dash of its own until exit; bash there stays bash', async () => {
    const w = createWorld();
    const top = (await sh(w, 'echo $$')).stdout.trim();
    await sh(w, 'sh');
    expect(w.prompt()).toBe('# ');
    const [pid, ppid] = (await sh(w, 'echo $$ $PPID')).stdout.trim().split(' ');
    expect(ppid).toBe(top);
    expect((await sh(w, 'ps -o pid,args')).stdout).toContain(`${pid} sh\n`);
    // The third line this dash has read.
    expect((await sh(w, 'nosuch')).out).toBe('sh: 3: nosuch: not found\n');
    await sh(w, 'exit');
    expect(w.prompt()).toBe('root@node1:~# ');
    await sh(w, 'bash');
    expect((await sh(w, 'nosuch')).out).toBe('bash: nosuch: command not found\n');
    expect((await sh(w, 'exit')).out).toBe('exit\n');
    // A script on its input is no terminal: it runs and ends.
    expect((await sh(w, 'echo "echo piped" | sh')).out).toBe('piped\n');
  });

  it('docker exec -it … sh in debian is dash, in alpine ash', async () => {
    const w = await world(['alpine', 'debian']);
    await sh(w, 'docker run -d --name deb1 debian sleep 1000; docker run -d --name alp1 alpine sleep 1000');
    await sh(w, 'docker exec -it deb1 sh');
    expect(w.prompt()).toBe('# ');
    expect((await sh(w, 'nosuch')).out).toBe('sh: 1: nosuch: not found\n');
    await sh(w, 'exit');
    await sh(w, 'docker exec -it alp1 sh');
    expect(w.prompt()).toBe('/ # ');
    expect((await sh(w, 'nosuch')).out).toBe('sh: nosuch: not found\n');
  });
});
