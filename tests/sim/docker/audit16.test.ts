import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker export / cp carry the files whose text the image knows', () => {
  // moby@v27.3.1:daemon/export.go (the container's filesystem as it is), daemon/archive.go (docker cp): the
  // nginx image's conf files hold nginx's own conf/ texts (nginx/nginx@release-1.25.5:conf/fastcgi_params,
  // scgi_params, uwsgi_params, mime.types), not zeros.
  it('export and cp write the params files with their text', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, 'docker export -o web.tar web');
    expect((await sh(w, 'tar -tf web.tar | grep -c etc/nginx/GNUSparseFile')).stdout).toBe('0\n'); // size-only binaries stay sparse holes (tree.ts)
    expect((await sh(w, 'tar -xOf web.tar etc/nginx/fastcgi_params | head -2')).stdout).toBe('\nfastcgi_param  QUERY_STRING       $query_string;\n');
    expect((await sh(w, 'docker cp web:/etc/nginx/scgi_params - | tar -xOf - | head -2')).stdout).toBe('\nscgi_param  REQUEST_METHOD     $request_method;\n');
  });
});

describe('docker inspect looks in every object type', () => {
  // docker/cli@v27.3.1:cli/command/system/inspect.go runInspect/inspectAll: container, image, network, volume…;
  // a not-found is skipped without --type, the type's own error with it, "is not a valid value for --type".
  it('finds networks and volumes by name, and --type narrows the search', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker volume create v1');
    expect((await sh(w, "docker inspect -f '{{.Name}} {{.Driver}}' bridge v1")).stdout).toBe('bridge bridge\nv1 local\n');
    expect(await sh(w, 'docker inspect --type volume bridge')).toMatchObject({
      stderr: 'Error response from daemon: get bridge: no such volume\n',
      exitCode: 1,
    });
    expect(await sh(w, 'docker inspect --type config v1')).toMatchObject({ stderr: '"config" is not a valid value for --type\n', exitCode: 1 });
    expect((await sh(w, 'docker inspect nosuch')).stderr).toBe('Error: No such object: nosuch\n');
    expect(await sh(w, "docker inspect -s -f '{{.Name}}' bridge")).toMatchObject({
      stdout: 'bridge\n',
      stderr: 'WARNING: --size ignored for network\n',
      exitCode: 0,
    });
    // moby@v27.3.1:daemon/images/image.go ErrImageDoesNotExist: the familiar name with its tag.
    expect((await sh(w, 'docker image inspect nosuch')).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
  });
});
