/**
 * Where `docker` and a management group print their usage when run without a command
 * (docker/cli@v27.3.1:cli/command/cli.go ShowHelp: cmd.SetOut(dockerCli.Err()) then the help, status 0;
 * cmd/docker/docker.go RunE for the root; manifest/cmd.go: Fprint(dockerCli.Err(), "\n"+cmd.UsageString())),
 * and where they print it when asked with --help (cobra's help, to stdout).
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker GROUP alone', () => {
  it('prints the group’s usage on stderr, status 0; --help prints the same text on stdout', async () => {
    const w = await world([]);
    for (const g of ['image', 'network', 'container', 'volume', 'system', 'context', 'trust', 'trust key', 'manifest', 'plugin', 'swarm']) {
      const alone = await sh(w, `docker ${g}`);
      const help = await sh(w, `docker ${g} --help`);
      expect([alone.stdout, alone.exitCode]).toEqual(['', 0]);
      expect(alone.stderr.startsWith(`\nUsage:  docker ${g} COMMAND\n`)).toBe(true);
      expect([help.stdout, help.stderr, help.exitCode]).toEqual([alone.stderr, '', 0]);
    }
  });

  it('docker alone prints the root help on stderr (cmd/docker/docker.go RunE: ShowHelp(dockerCli.Err()))', async () => {
    const w = await world([]);
    const alone = await sh(w, 'docker');
    expect([alone.stdout, alone.exitCode]).toEqual(['', 0]);
    expect(alone.stderr.startsWith('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n')).toBe(true);
    expect((await sh(w, 'docker --help')).stdout).toBe(alone.stderr);
  });

  it('a plugin’s groups have no Run: cobra prints their help on stdout (docker/buildx@v0.17.1:commands/root.go, imagetools/root.go)', async () => {
    const w = await world([]);
    for (const g of ['buildx', 'buildx imagetools']) {
      const r = await sh(w, `docker ${g}`);
      expect([r.stderr, r.exitCode]).toEqual(['', 0]);
      expect(r.stdout.startsWith(`\nUsage:  docker ${g} [OPTIONS] COMMAND\n`)).toBe(true);
    }
  });

  it('a stray word is cli.NoArgs’s error: the usage on stderr, status 1 (cli/required.go)', async () => {
    const r = await sh(await world([]), 'docker image bogus');
    expect([r.stdout, r.exitCode]).toEqual(['', 1]);
    expect(r.stderr.startsWith('\nUsage:  docker image COMMAND\n')).toBe(true);
  });
});
