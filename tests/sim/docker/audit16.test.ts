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
