import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// A shell started from the prompt forks and execs: bash -c and sh -c are processes of their own, their `$$` the
// child's PID and `$PPID` the prompt's shell (bash@bash-5.2:variables.c dollar_dollar_pid from getpid(); PPID getppid()).
describe('sh -c and bash -c are child processes (#10)', () => {
  it('$$ is a new PID, $PPID the prompt, and ps shows the shell while it runs', async () => {
    const w = createWorld();
    const top = (await sh(w, 'echo $$')).stdout.trim();
    const r = await sh(w, 'bash -c "echo \\$\\$ \\$PPID; ps -o pid,ppid,args"');
    const [ids, , login, self, ps] = r.stdout.split('\n');
    const [pid, ppid] = (ids as string).split(' ');
    expect(ppid).toBe(top);
    expect(pid).not.toBe(top);
    expect(login?.trim().split(/\s+/)).toEqual([top, '1987', '-bash']);
    expect(self?.trim().split(/\s+/).slice(0, 3)).toEqual([pid, top, 'bash']);
    expect(ps?.trim().split(/\s+/).slice(0, 3)).toEqual([expect.any(String), pid, 'ps']);
    const d = (await sh(w, 'sh -c "echo \\$\\$ \\$PPID"')).stdout.trim().split(' ');
    expect(d[1]).toBe(top);
    expect(d[0]).not.toBe(top);
  });

  it("a shell exec'd by env or unshare, or a container's command, stays that process", async () => {
    const w = createWorld();
    const e = (await sh(w, 'env sh -c "echo \\$\\$; ps -o pid,args"')).stdout.split('\n');
    expect(e[3]?.trim().split(/\s+/)).toEqual([e[0], 'sh', '-c', 'echo', '$$;', 'ps', '-o', 'pid,args']);
    expect((await sh(w, 'unshare -p -f --mount-proc sh -c "echo \\$\\$ \\$PPID"')).stdout).toBe('1 0\n');
    expect((await sh(w, 'docker run --rm alpine sh -c "echo \\$\\$ \\$PPID"')).stdout).toBe('1 0\n');
  });
});
