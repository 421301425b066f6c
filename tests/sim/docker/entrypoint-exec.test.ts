/**
 * An image whose entrypoint script ends in `exec "$@"`, given a command the image lacks: dash's exec fails in the
 * script (dash@0.5.12:src/exec.c shellexec, src/error.c: "arg0: line: exec: name: not found"), the container exits
 * 127 (126 for a file it cannot execute). The script texts are the images' own
 * (nginxinc/docker-nginx@1.25.5:mainline/debian/docker-entrypoint.sh, whose `exec "$@"` is line 47).
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('an entrypoint script that execs a missing command', () => {
  it('nginx: /docker-entrypoint.sh: 47: exec: NAME: not found, exit 127, in the logs too', async () => {
    const w = await world(['nginx']);
    expect(await sh(w, 'docker run --rm nginx nosuch')).toMatchObject({
      stdout: '',
      stderr: '/docker-entrypoint.sh: 47: exec: nosuch: not found\n',
      exitCode: 127,
    });
    expect(await sh(w, 'docker run --rm nginx /etc/nginx')).toMatchObject({
      stderr: '/docker-entrypoint.sh: 47: exec: /etc/nginx: Permission denied\n',
      exitCode: 126,
    });
    await sh(w, 'docker run --name n1 nginx killall');
    expect((await sh(w, 'docker logs n1')).stderr).toBe('/docker-entrypoint.sh: 47: exec: killall: not found\n');
    expect((await sh(w, "docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(127\) /);
  });

  it('memcached: the script found on PATH is named in full', async () => {
    const w = await world(['memcached']);
    expect(await sh(w, 'docker run --rm memcached nosuch')).toMatchObject({
      stderr: '/usr/local/bin/docker-entrypoint.sh: 9: exec: nosuch: not found\n',
      exitCode: 127,
    });
  });
});
