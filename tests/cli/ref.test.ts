import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('container-course ref', () => {
  it('explains registry:port with no tag as untagged', async () => {
    const r = await runCli(['ref', 'registry:5000/app']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'normalized  registry:5000/app:latest',
        'familiar    registry:5000/app',
        "domain      registry host registry:5000; the part after ':' is a port, not a tag",
        'path        repository path app',
        'repository  repository app',
        'tag         tag latest (no tag or digest was written, so Docker uses "latest"; it is a name, not "the newest")',
        '',
      ].join('\n'),
    });
  });
  it('prints JSON with every field', async () => {
    const r = await runCli(['ref', 'cloudnatived/demo:hello', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      input: 'cloudnatived/demo:hello',
      valid: true,
      error: null,
      domain: 'docker.io',
      path: 'cloudnatived/demo',
      tag: 'hello',
      digest: null,
      familiar: 'cloudnatived/demo:hello',
      normalized: 'docker.io/cloudnatived/demo:hello',
    });
    expect(JSON.parse(r.stdout).explained.map((e: { part: string }) => e.part)).toEqual(['domain', 'path', 'namespace', 'repository', 'tag']);
  });
  it('explains in Chinese', async () => {
    const r = await runCli(['ref', 'alpine', '--locale', 'zh-cn', '--json']);
    expect(JSON.parse(r.stdout).explained[0].text).toBe('镜像仓库服务（registry）主机 docker.io（未写主机，默认 Docker Hub）');
  });
  it("reports Docker's error and exits 1 for an invalid reference", async () => {
    expect(await runCli(['ref', 'Alpine'])).toEqual({
      code: 1,
      stderr: '',
      stdout: '"Alpine": invalid reference format: repository name (library/Alpine) must be lowercase\n',
    });
    const j = await runCli(['ref', 'cloudnatived/demo :hello', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ valid: false, error: 'invalid reference format', domain: null });
  });
  it('usage errors exit 2; --help exits 0', async () => {
    const none = await runCli(['ref']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^container-course ref: missing reference\n\nUsage: container-course ref <reference>/);
    expect((await runCli(['ref', 'a', '--bogus'])).stderr).toMatch(/^container-course ref: unknown flag: --bogus\n/);
    expect((await runCli(['ref', 'a', '--locale', 'fr'])).stderr).toMatch(/^container-course ref: invalid value "fr" for --locale; choose one of: en, zh-cn\n/);
    const help = await runCli(['ref', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: container-course ref <reference> \[--json\] \[--locale en\|zh-cn\]\n/);
  });
});

describe('container-course ref: where the host came from', () => {
  it('index.docker.io is a written host, normalized to docker.io', async () => {
    const j = JSON.parse((await runCli(['ref', 'index.docker.io/library/redis', '--json'])).stdout);
    expect(j.explained[0]).toEqual({ part: 'domain', value: 'docker.io', implied: false, text: 'registry host docker.io' });
    expect(j.explained[2]).toMatchObject({ part: 'namespace', value: 'library', implied: false });
  });
});

describe('container-course ref in Chinese', () => {
  it('labels every part with its glossary term as well as its JSON name', async () => {
    const r = await runCli(['ref', 'localhost:5000/demo:1.3.0', '--locale', 'zh-cn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('domain 主机      镜像仓库服务（registry）主机 localhost:5000；冒号后面是端口，不是标签\n');
    expect(r.stdout).toContain('tag 标签         标签 1.3.0：可变的标记，可能被移到另一个镜像\n');
  });
});
