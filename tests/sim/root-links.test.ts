/**
 * A container's root has its image's symbolic links where their targets are there (#10): Debian's and alpine's
 * /var/run -> /run, the nginx image's log links to /dev/stdout and /dev/stderr (nginx/docker-nginx's Dockerfile:
 * `ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log`), Debian's
 * /etc/os-release -> ../usr/lib/os-release (base-files), and Docker's init layer's /etc/mtab -> /proc/mounts
 * (moby@v27.3.1:daemon/initlayer/setup_unix.go). busybox's find has `-type l` (busybox@1_36_1:findutils/find.c find_type).
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

describe("a container's root keeps its image's links", () => {
  it('nginx: the log links, /var/run and /etc/mtab', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker exec web ls -l /var/log/nginx')).out).toBe(
      'total 0\nlrwxrwxrwx 1 root root 11 Jun 13 01:14 access.log -> /dev/stdout\nlrwxrwxrwx 1 root root 11 Jun 13 01:14 error.log -> /dev/stderr\n',
    );
    expect((await sh(w, 'docker exec web readlink /var/run /etc/mtab /etc/os-release')).out).toBe('/run\n/proc/mounts\n../usr/lib/os-release\n');
    // nginx's pid file, written through the link (its `pid /var/run/nginx.pid;`): `docker diff` has it under /run.
    expect((await sh(w, 'docker exec web cat /var/run/nginx.pid')).out).toBe('1\n');
    expect((await sh(w, 'docker diff web | grep nginx.pid')).out).toBe('A /run/nginx.pid\n');
    expect((await sh(w, 'docker exec web head -1 /etc/os-release')).out).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
  });

  it('alpine: /var/run and /var/spool/mail, /etc/mtab read through its link, and find -type l', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine find /var -type l')).out).toBe('/var/run\n/var/spool/mail\n');
    expect((await sh(w, "docker run --rm alpine sh -c 'cd /var/run && pwd && pwd -P'")).out).toBe('/var/run\n/run\n');
    expect((await sh(w, 'docker run --rm alpine grep -c " /proc proc " /etc/mtab')).out).toBe('1\n');
  });
});
