import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// procps-ng@v4.0.4:src/ps/output.c show_one_proc((proc_t *)-1): nothing selected prints the header if one is due, then exit(1);
// iproute2 6.1 ss -p (user_ent_hash_build) names only processes whose /proc/PID/fd the caller may read.
describe('ps -C and ss -p selection faults (#10)', { timeout: 60_000 }, () => {
  it('ps -C NAME -o pid= prints no header, with or without a match', async () => {
    const w = createWorld();
    expect(await sh(w, 'ps -C nginx -o pid=')).toMatchObject({ stdout: '', exitCode: 1 });
    expect(await sh(w, 'ps -C dockerd -o pid=')).toMatchObject({ stdout: '    812\n', exitCode: 0 });
    expect(await sh(w, 'ps -C nginx -o pid,comm')).toMatchObject({ stdout: '    PID COMMAND\n', exitCode: 1 });
  });

  it("ss -p as another user leaves the Process column empty for root's sockets", async () => {
    const w = createWorld();
    expect((await sh(w, 'su ubuntu -c "ss -ltpn" | cat')).stdout).not.toContain('users:');
    expect((await sh(w, 'ss -ltpn | cat')).stdout).toContain('users:(("sshd",pid=845,fd=3))');
  });
});
