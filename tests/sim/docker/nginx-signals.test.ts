import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

const stamp = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm;
const logs = async (w: Awaited<ReturnType<typeof world>>, n: number) => (await sh(w, `docker logs -n ${n} web 2>&1`)).stdout.replace(stamp, '');

// docker kill -s / docker stop -s on nginx's master (PID 1): nginx/nginx@release-1.25.5:src/os/unix/ngx_process.c
// ngx_signal_handler (si_pid 0 from outside the PID namespace: no "from"), src/os/unix/ngx_process_cycle.c
// ngx_master_process_cycle / ngx_worker_process_cycle / ngx_master_process_exit (release-1.27.1: same files).
describe('nginx takes docker kill -s / docker stop -s as its master does', () => {
  it('HUP reconfigures and USR1 reopens the logs: the container keeps running', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker kill -s HUP web')).stdout).toBe('web\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' web")).stdout).toBe('running\n');
    const hup = (await sh(w, 'docker logs web 2>&1')).stdout.replace(stamp, '');
    expect(hup).toContain('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n[notice] 1#1: reconfiguring\n');
    expect(hup).toContain('[notice] 29#29: gracefully shutting down\n[notice] 29#29: exiting\n[notice] 29#29: exit\n');
    await sh(w, 'docker kill -s USR1 web');
    expect(await logs(w, 3)).toBe('[notice] 34#34: reopening logs\n[notice] 35#35: reopening logs\n[notice] 36#36: reopening logs\n');
    await sh(w, 'docker kill -s SIGUSR2 web');
    expect(await logs(w, 2)).toBe(
      "[notice] 1#1: signal 12 (SIGUSR2) received, ignoring\n[crit] 1#1: the changing binary signal is ignored: you should shutdown or terminate before either old or new binary's process\n",
    );
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' web")).stdout).toBe('running\n');
  });
  it('QUIT shuts down gracefully, TERM exits: workers first, then the master\'s "exit", status 0', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, 'docker kill -s QUIT web');
    const quit = (await sh(w, 'docker logs web 2>&1')).stdout.replace(stamp, '');
    expect(quit).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n[notice] 29#29: gracefully shutting down\n');
    expect(quit.endsWith('[notice] 1#1: signal 17 (SIGCHLD) received from 32\n[notice] 1#1: worker process 32 exited with code 0\n[notice] 1#1: exit\n')).toBe(
      true,
    );
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web")).stdout).toBe('exited 0\n');
    await sh(w, 'docker start web');
    await sh(w, 'docker stop -s TERM web');
    const term = (await sh(w, 'docker logs web 2>&1')).stdout.replace(stamp, '');
    expect(term).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n[notice] 29#29: exiting\n[notice] 29#29: exit\n');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' web")).stdout).toBe('0\n');
  });
  it("nginx -s reopen inside the container is seen with the signaller's PID", async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    const r = await sh(w, 'docker exec web nginx -s reopen');
    const pid = /(\d+)#\1: signal process started/.exec(r.stderr)?.[1];
    expect(await logs(w, 6)).toContain(`[notice] 1#1: signal 10 (SIGUSR1) received from ${pid}, reopening logs\n`);
  });
});
