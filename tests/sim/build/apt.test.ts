import { describe, expect, it } from 'vitest';
import { steps, world } from './helpers.ts';

describe('apt in RUN', () => {
  it('the stale apt cache trap of L9, word for word', async () => {
    const w = await world();
    const v1 = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
    expect((await w.build({ Dockerfile: v1 })).exitCode).toBe(0);
    w.builder.mirror.advance();
    const v2 = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y nginx\n';
    const r = await w.build({ Dockerfile: v2 }, { columns: 80 });
    expect(r.exitCode).toBe(1);
    expect(steps(r.stderr).slice(-2)).toEqual(['CACHED [2/3] RUN apt-get update', 'ERROR [3/3] RUN apt-get install -y nginx']);
    const tail = r.stderr.slice(r.stderr.indexOf('------\n'));
    const lines = tail.split('\n');
    expect(lines[0]).toBe('------');
    expect(lines[1]).toBe(' > [3/3] RUN apt-get install -y nginx:');
    expect(tail).toMatch(/^\d\.\d{3} E: Failed to fetch http:\/\/deb\.debian\.org\/debian\/pool\/main\/n\/nginx\/nginx_1\.22\.1-9_amd64\.deb {2}404 {2}Not Found \[IP: 151\.101\.2\.132 80\]$/m);
    expect(tail).toMatch(/^\d\.\d{3} E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing\?$/m);
    expect(tail.slice(tail.indexOf('Dockerfile:3'))).toBe(
      [
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM debian:12',
        '   2 |     RUN apt-get update',
        '   3 | >>> RUN apt-get install -y nginx',
        '   4 |     ',
        '--------------------',
        'ERROR: failed to solve: process "/bin/sh -c apt-get install -y nginx" did not complete successfully: exit code: 100',
        '',
      ].join('\n'),
    );
  });

  it('update and install in one RUN never go stale', async () => {
    const w = await world();
    await w.build({ Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' });
    w.builder.mirror.advance();
    const r = await w.build({ Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx\n' });
    expect(r.exitCode).toBe(0);
  });

  it('install without update: Unable to locate package; without -y: Abort', async () => {
    const w = await world();
    const r = await w.build({ Dockerfile: 'FROM debian:12\nRUN apt-get install -y nginx\n' });
    expect(r.stderr).toMatch(/^\d\.\d{3} E: Unable to locate package nginx$/m);
    expect(r.stderr).toContain('ERROR: failed to solve: process "/bin/sh -c apt-get install -y nginx" did not complete successfully: exit code: 100');
    const n = await w.build({ Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install nginx\n' });
    expect(n.stderr).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n/);
    expect(n.stderr).toContain('exit code: 1\n');
  });

  it('a command the image lacks fails with 127 (dash wording on debian, ash on alpine)', async () => {
    const w = await world();
    const d = await w.build({ Dockerfile: 'FROM debian:12\nRUN curl -fsSL https://example.com\n' });
    expect(d.stderr).toMatch(/^\d\.\d{3} \/bin\/sh: 1: curl: not found$/m);
    expect(d.stderr).toContain('exit code: 127');
    const a = await w.build({ Dockerfile: 'FROM alpine:3.20\nRUN ps aux && bash -c true\n' });
    expect(a.stderr).toMatch(/^\d\.\d{3} \/bin\/sh: bash: not found$/m);
  });

  it('apk add --no-cache leaves no index; without it the index stays in the layer', async () => {
    const w = await world();
    const a = await w.build({ Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' });
    const b = await w.build({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const la = a.image!.image.layers.at(-1)!;
    const lb = b.image!.image.layers.at(-1)!;
    expect(la.tree.has('/usr/bin/curl')).toBe(true);
    expect([...la.tree.keys()].some((k) => k.startsWith('/var/cache/apk/'))).toBe(false);
    expect(lb.size - la.size).toBe(2_418_740 + 1_027_451);
  });
});
