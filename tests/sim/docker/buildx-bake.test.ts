/**
 * docker buildx bake (docker/buildx@v0.17.1:commands/bake.go runBake, readBakeFiles; bake/bake.go ReadLocalFiles,
 * readFileWithProgress, ReadTargets): its flags, the "[internal] load local bake definitions" vertex with the files
 * read, then the definition's errors.
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker buildx bake', () => {
  it('with no definition: the vertex, then "couldn\'t find a bake definition"; -f names a file that must exist', async () => {
    const w = await world([]);
    expect(await sh(w, 'docker buildx bake --progress plain')).toMatchObject({
      stderr:
        '#0 building with "default" instance using docker driver\n\n#1 [internal] load local bake definitions\n#1 DONE 0.0s\nERROR: couldn\'t find a bake definition\n',
      exitCode: 1,
    });
    expect((await sh(w, 'docker buildx bake --progress plain -f nope.hcl')).stderr).toBe(
      '#0 building with "default" instance using docker driver\n\n#1 [internal] load local bake definitions\n#1 reading nope.hcl done\n#1 DONE 0.0s\nERROR: open nope.hcl: no such file or directory\n',
    );
  });

  it('reads docker-bake.hcl by default (its size as tonistiigi/units prints it); a target it lacks is "failed to find target"', async () => {
    const w = await world([]);
    await w.exec('printf \'target "web" {\\n  context = "."\\n}\\n\' > docker-bake.hcl');
    const head =
      '#0 building with "default" instance using docker driver\n\n#1 [internal] load local bake definitions\n#1 reading docker-bake.hcl 33B / 33B done\n#1 DONE 0.0s\n';
    expect((await sh(w, 'docker buildx bake --progress plain')).stderr).toBe(`${head}ERROR: failed to find target default\n`);
    expect((await sh(w, 'docker buildx bake --progress plain api')).stderr).toBe(`${head}ERROR: failed to find target api\n`);
    // A target found: the build itself is not simulated (a course line).
    const r = await w.exec('docker buildx bake --progress plain web');
    expect([r.stderr, r.exitCode, r.notes?.length]).toEqual([head, 1, 1]);
  });

  it('takes its own flags only (bakeCmd), and an unknown builder is builder.New’s error', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker buildx bake -t x')).stderr).toBe("unknown shorthand flag: 't' in -t\nSee 'docker buildx bake --help'.\n");
    expect((await sh(w, 'docker buildx bake --builder nope')).stderr).toBe('ERROR: no builder "nope" found\n');
    expect((await sh(w, 'docker buildx bake --help')).stdout).toContain('      --check                  Shorthand for "--call=check" (default )\n');
  });
});
