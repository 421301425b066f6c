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
