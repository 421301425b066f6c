/**
 * `docker search` (docker/cli@v27.3.1:cli/command/registry/search.go, formatter_search.go; moby@v27.3.1:
 * registry/search.go): the fixture registry's Docker Hub, descriptions as Hub publishes them (image/hub.ts).
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker search', () => {
  it('prints the default table: name, description cut at 45, stars, [OK] for official images', async () => {
    const r = await sh(await world([]), 'docker search --limit 3 a');
    expect(r.stdout).toBe(
      'NAME      DESCRIPTION                                     STARS     OFFICIAL\n' +
        'nginx     Official build of Nginx.                        20512     [OK]\n' +
        'node      Node.js is a software platform for scalable …   13701     [OK]\n' +
        'alpine    A minimal Docker image based on Alpine Linux…   11160     [OK]\n',
    );
  });

  it('JSON has every field as a string, the bools as true/false', async () => {
    const r = await sh(await world([]), 'docker search --format json --limit 1 nginx');
    expect(JSON.parse(r.stdout)).toEqual({
      Description: 'Official build of Nginx.',
      IsAutomated: 'false',
      IsOfficial: 'true',
      Name: 'nginx',
      StarCount: '20512',
    });
  });

  it('filters as the daemon does, and refuses what it refuses', async () => {
    const w = await world([]);
    expect((await sh(w, "docker search -f is-official=false --format '{{.Name}}' nginx")).stdout).toBe('nginxinc/nginx-unprivileged\n');
    expect((await sh(w, "docker search -f stars=10000 --format '{{.Name}}' n")).stdout).toBe('nginx\nnode\nalpine\n');
    expect((await sh(w, 'docker search --limit 0 x')).exitCode).toBe(0);
    expect((await sh(w, 'docker search --limit 101 x')).stderr).toBe('Error response from daemon: limit 101 is outside the range of [1, 100]\n');
    expect((await sh(w, 'docker search -f is-official=maybe x')).stderr).toBe("Error response from daemon: invalid filter 'is-official=[maybe]'\n");
    expect((await sh(w, 'docker search -f x=1 x')).stderr).toBe("Error response from daemon: invalid filter 'x'\n");
  });

  it('does not find the fixture’s own or private repositories', async () => {
    const w = await world([]);
    for (const term of ['zombie', 'private-app', 'example'])
      expect((await sh(w, `docker search ${term}`)).stdout, term).toBe('NAME      DESCRIPTION   STARS     OFFICIAL\n');
  });
});
