import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker container inspect (container/inspect.go, not system/inspect.go)', () => {
  it('inspects containers only; a missing one is the client error, status 1', async () => {
    const w = await world(['alpine']);
    await w.exec('docker run -d --name web alpine sleep 1000');
    expect((await sh(w, "docker container inspect -f '{{.Name}}' web")).out).toBe('/web\n');
    const r = await sh(w, "docker container inspect -f '{{.Name}}' web alpine");
    expect(r.stdout).toBe('/web\n');
    expect(r.stderr).toBe('Error response from daemon: No such container: alpine\n');
    expect(r.exitCode).toBe(1);
    // docker inspect still finds images too.
    expect((await sh(w, "docker inspect -f '{{.Os}}' alpine")).out).toBe('linux\n');
  });
  it('has its own Use, Short and flags', async () => {
    const r = await sh(await world([]), 'docker container inspect --help');
    expect(r.out).toMatch(
      /^\nUsage:  docker container inspect \[OPTIONS\] CONTAINER \[CONTAINER\.\.\.\]\n\nDisplay detailed information on one or more containers\n\nOptions:\n/,
    );
    expect(r.out).toContain('  -s, --size            Display total file sizes\n');
    expect(r.out).not.toContain('--type');
  });
});
