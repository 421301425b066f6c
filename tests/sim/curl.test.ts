import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

describe('curl to nginx serves the container’s own files', () => {
  it('the welcome page, then a page changed inside the container, then 403 when it is gone', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    const page = await sh(w, 'curl -s localhost:8080');
    expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(new TextEncoder().encode(page.stdout).length).toBe(615);

    await sh(w, `docker exec web sh -c 'echo hello from web > /usr/share/nginx/html/index.html'`);
    expect((await sh(w, 'curl -s localhost:8080')).stdout).toBe('hello from web\n');

    await sh(w, 'docker exec web rm /usr/share/nginx/html/index.html');
    expect((await sh(w, 'curl -s localhost:8080')).stdout).toContain('<head><title>403 Forbidden</title></head>');
    expect((await sh(w, 'curl -sI localhost:8080')).stdout).toMatch(/^HTTP\/1\.1 403 Forbidden\r\nServer: nginx\/1\.25\.5\r\n/);

    const logs = (await sh(w, 'docker logs web 2>/dev/null | grep GET')).stdout.trim().split('\n');
    expect(logs.map((l) => l.split('"')[2]?.trim())).toEqual(['200 615', '200 15', '403 153']);
  });
});

describe('nginx answers a path and logs a failed one to its error log (nginx@release-1.25.5)', () => {
  it('a missing file: 404, the error line on stderr before the access line; to a terminal docker logs interleaves the streams', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    const page = await sh(w, 'curl -s localhost:8080/nope');
    expect(page.stdout).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.5</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(page.exitCode).toBe(0);
    const err =
      '2024/09/16 11:45:03 [error] 29#29: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "localhost:8080"\n';
    const access = '172.17.0.1 - - [16/Sep/2024:11:45:03 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"\n';
    const logs = await sh(w, 'docker logs web');
    expect(logs.stderr.endsWith(err)).toBe(true);
    expect(logs.stdout.endsWith(access)).toBe(true);
    const chunks: { stream: string; text: string }[] = [];
    await w.exec('docker logs --tail 2 web', { onOutput: (c) => chunks.push(c) });
    expect(chunks).toEqual([
      { stream: 'stderr', text: err },
      { stream: 'stdout', text: access },
    ]);
  });

  it('each connection takes the next number; a file, a directory without index (403), a missing directory, curl -f and wget', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    await sh(w, 'docker exec web sh -c "mkdir /usr/share/nginx/html/empty; echo hi > /usr/share/nginx/html/a.txt"');
    expect((await sh(w, 'curl -s localhost:8080/a.txt')).stdout).toBe('hi\n');
    expect((await sh(w, 'curl -s localhost:8080/empty/')).stdout).toContain('<title>403 Forbidden</title>');
    expect((await sh(w, 'curl -s localhost:8080/gone/')).stdout).toContain('<title>404 Not Found</title>');
    expect(await sh(w, 'curl -f localhost:8080/nope')).toMatchObject({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
      exitCode: 22,
    });
    expect(await sh(w, 'curl -sf localhost:8080/nope')).toMatchObject({ stdout: '', stderr: '', exitCode: 22 });
    expect(await sh(w, 'wget -O- localhost:8080/x')).toMatchObject({
      stdout: '',
      stderr:
        '--2024-09-16 11:45:09--  http://localhost:8080/x\nResolving localhost (localhost)... 127.0.0.1\nConnecting to localhost (localhost)|127.0.0.1|:8080... connected.\nHTTP request sent, awaiting response... 404 Not Found\n2024-09-16 11:45:09 ERROR 404: Not Found.\n\n',
      exitCode: 8,
    });
    const errors = (await sh(w, 'docker logs web 2>&1 >/dev/null | grep error')).stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^\S+ \S+ \[error\] 29#29: /, '').replace(/, client: .*/, ''));
    expect(errors).toEqual([
      '*2 directory index of "/usr/share/nginx/html/empty/" is forbidden',
      '*3 "/usr/share/nginx/html/gone/" is not found (2: No such file or directory)',
      '*4 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory)',
      '*5 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory)',
      '*6 open() "/usr/share/nginx/html/x" failed (2: No such file or directory)',
    ]);
  });
});
