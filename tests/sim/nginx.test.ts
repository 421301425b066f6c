import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// nginx/nginx@release-1.25.5: src/core/nginx.c (ngx_get_options, ngx_show_version_info, main's -t/-T),
// src/core/ngx_conf_file.c (ngx_conf_read_token, ngx_conf_handler), src/os/unix/ngx_process.c (signal names).
describe('nginx in the nginx container', () => {
  it('-v prints the version on stderr; an unknown option is "invalid option", status 1', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect(await sh(w, 'docker exec web nginx -v')).toMatchObject({ stdout: '', stderr: 'nginx version: nginx/1.25.5\n', exitCode: 0 });
    expect(await sh(w, 'docker exec web nginx -x')).toMatchObject({ stderr: 'nginx: invalid option: "x"\n', exitCode: 1 });
    expect(await sh(w, 'docker exec web nginx -s restart')).toMatchObject({ stderr: 'nginx: invalid option: "-s restart"\n', exitCode: 1 });
    expect((await sh(w, 'nginx -v')).stderr).toBe('-bash: nginx: command not found\n');
  });
  it('-t reads nginx.conf and its includes; a broken file names file:line', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect(await sh(w, 'docker exec web nginx -t')).toMatchObject({
      stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    });
    expect((await sh(w, 'docker exec web nginx -T')).stdout.match(/^# configuration file .*$/gm)).toEqual([
      '# configuration file /etc/nginx/nginx.conf:',
      '# configuration file /etc/nginx/mime.types:',
      '# configuration file /etc/nginx/conf.d/default.conf:',
    ]);
    await sh(w, "docker exec web sed -i 's/index  index.html/foo/' /etc/nginx/conf.d/default.conf");
    const r = await sh(w, 'docker exec web nginx -t');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] (\d+)#\1: unknown directive "foo" in \/etc\/nginx\/conf.d\/default.conf:10\nnginx: \[emerg\] unknown directive "foo" in \/etc\/nginx\/conf.d\/default.conf:10\nnginx: configuration file \/etc\/nginx\/nginx.conf test failed\n$/,
    );
    // A missing `;`: the next line's words join the directive (ngx_conf_read_token reads up to `;`).
    await sh(w, "docker exec web sed -i 's/foo/index  index.html/; s/listen       80;/listen       80/' /etc/nginx/conf.d/default.conf");
    expect((await sh(w, 'docker exec web nginx -t')).stderr).toContain('nginx: [emerg] invalid parameter "listen" in /etc/nginx/conf.d/default.conf:3\n');
  });
  it('-s reload starts new workers; -s quit ends the container with status 0', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    const before = (await sh(w, 'docker top web')).stdout;
    expect((await sh(w, 'docker exec web nginx -s reload')).stderr).toMatch(/\[notice\] (\d+)#\1: signal process started\n$/);
    const after = (await sh(w, 'docker top web')).stdout;
    expect(after.split('\n')[1]).toBe(before.split('\n')[1]);
    expect(after.split('\n')[2]).not.toBe(before.split('\n')[2]);
    expect((await sh(w, 'docker logs web')).stderr).toMatch(/\[notice\] 1#1: signal 1 \(SIGHUP\) received from \d+, reconfiguring\n/);
    await sh(w, 'docker exec web nginx -s quit');
    expect((await sh(w, "docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(0\)/);
  });
  it('docker run nginx nginx -v runs the entrypoint scripts, then prints the version instead of serving', async () => {
    const w = await world(['nginx']);
    const r = await sh(w, 'docker run --rm nginx nginx -v');
    expect(r.out).toMatch(/Configuration complete; ready for start up\nnginx version: nginx\/1.25.5\n$/);
    const s = await sh(w, 'docker run --rm nginx nginx -s reload');
    expect(s.exitCode).toBe(1);
    expect(s.out).toContain('nginx: [error] open() "/var/run/nginx.pid" failed (2: No such file or directory)\n');
  });
});
