import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

describe('L9 transcript: docker build -t demo:v2 .', () => {
  it('prints the BuildKit screen byte for byte (80 columns)', async () => {
    const w = await world();
    const df = 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx\nCOPY . /app\nRUN rm /etc/nginx/sites-available/default\n';
    await w.build({ Dockerfile: df, 'index.html': '<h1>v1</h1>\n' }, { tags: ['demo:v1'] });
    const r = await w.build({ Dockerfile: df, 'index.html': '<h1>v2</h1>\n' }, { tags: ['demo:v2'], columns: 80 });
    const index = w.reg.host('docker.io')!.repos.get('library/debian')!.tags.get('12')!;
    const id = r.image!.image.id;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        '[+] Building 0.9s (9/9) FINISHED                                  docker:default',
        ' => [internal] load build definition from Dockerfile                        0.0s',
        ' => => transferring dockerfile: 116B                                        0.0s',
        ' => [internal] load metadata for docker.io/library/debian:12                0.6s',
        ' => [internal] load .dockerignore                                           0.0s',
        ' => => transferring context: 2B                                             0.0s',
        ` => [1/4] FROM docker.io/library/debian:12@${index}`.slice(0, 75) + ' 0.0s',
        ' => [internal] load build context                                           0.0s',
        ' => => transferring context: 128B                                           0.0s',
        ' => CACHED [2/4] RUN apt-get update && apt-get install -y nginx             0.0s',
        ' => [3/4] COPY . /app                                                       0.1s',
        ' => [4/4] RUN rm /etc/nginx/sites-available/default                         0.1s',
        ' => exporting to image                                                      0.1s',
        ' => => exporting layers                                                     0.1s',
        ` => => writing image ${id}`.slice(0, 75) + ' 0.0s',
        ' => => naming to docker.io/library/demo:v2                                  0.0s',
        '',
      ].join('\n'),
    );
  });

  it('a parse error shows the excerpt and Docker\'s message', async () => {
    const w = await world();
    const r = await w.build({ Dockerfile: 'FROM alpine:3.20\n\nRUNN echo hi\n' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr.slice(r.stderr.indexOf('Dockerfile:3'))).toBe(
      ['Dockerfile:3', '--------------------', '   1 |     FROM alpine:3.20', '   2 |     ', '   3 | >>> RUNN echo hi', '   4 |     ', '--------------------', 'ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: RUNN', ''].join('\n'),
    );
    expect((await w.build({ 'Dockerfile.dev': 'FROM alpine:3.20\n' })).stderr).toMatch(/ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/);
    expect((await w.build({ Dockerfile: 'RUN echo\n' })).stderr).toMatch(/ERROR: failed to solve: no build stage in current context\n$/);
    expect((await w.build({ Dockerfile: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n' }, { target: 'c' })).stderr).toMatch(/ERROR: failed to solve: target stage "c" could not be found\n$/);
    expect((await w.build({ Dockerfile: 'FROM alpine:9.99\n' })).stderr).toMatch(/ERROR: failed to solve: docker\.io\/library\/alpine:9\.99: failed to resolve source metadata for docker\.io\/library\/alpine:9\.99: docker\.io\/library\/alpine:9\.99: not found\n$/);
    expect(await w.build({ Dockerfile: 'FROM alpine:3.20\n' }, { tags: ['Demo:1'] })).toEqual({
      stdout: '',
      stderr: `invalid argument "Demo:1" for "-t, --tag" flag: invalid reference format: repository name (library/Demo) must be lowercase\nSee 'docker build --help'.\n`,
      exitCode: 125,
      seconds: 0,
    });
    const missing = await w.build({ Dockerfile: 'FROM alpine:3.20\nCOPY app.js /app/\n' });
    expect(missing.stderr).toMatch(/ => ERROR \[2\/2\] COPY app\.js \/app\/ /);
    expect(missing.stderr).toMatch(/ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [a-f0-9]{25}::[a-f0-9]{25}: "\/app\.js": not found\n$/);
  });
});

describe('--progress=plain', () => {
  it('prints #N blocks with RUN output, CACHED and the error line', async () => {
    const w = await world();
    const df = 'FROM alpine:3.20\nRUN echo hello\nRUN false\n';
    const r = await w.build({ Dockerfile: df }, { progress: 'plain' });
    const idx = w.reg.host('docker.io')!.repos.get('library/alpine')!.tags.get('3.20')!;
    const blocks = r.stderr.split('\n\n');
    expect(blocks[0]).toBe('#0 building with "default" instance using docker driver');
    expect(blocks[1]).toBe('#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 42B done\n#1 DONE 0.0s');
    expect(blocks[2]).toBe('#2 [internal] load metadata for docker.io/library/alpine:3.20\n#2 DONE 0.6s');
    expect(blocks[4]).toMatch(new RegExp(`^#4 \\[1/3\\] FROM docker\\.io/library/alpine:3\\.20@${idx}\\n#4 resolve docker\\.io/library/alpine:3\\.20@${idx} done\\n`));
    expect(blocks[5]).toBe('#5 [2/3] RUN echo hello\n#5 0.100 hello\n#5 DONE 0.1s');
    expect(blocks[6]!.startsWith('#6 [3/3] RUN false\n#6 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n------\n > [3/3] RUN false:\n------\nDockerfile:3\n')).toBe(true);
    expect(r.stderr).toMatch(/ERROR: failed to solve: process "\/bin\/sh -c false" did not complete successfully: exit code: 1\n$/);
    const again = await w.build({ Dockerfile: 'FROM alpine:3.20\nRUN echo hello\n' }, { progress: 'plain' });
    expect(again.stderr).toContain('#5 [2/2] RUN echo hello\n#5 CACHED\n');
  });
});
