/**
 * docker plugin, trust and manifest on node1 (docker/cli@v27.3.1:cli/command/{plugin,trust,manifest}): no engine
 * plugins, no reachable Notary server, no local manifest lists; manifest inspect reads the fixture registry.
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker plugin', () => {
  it('ls is the empty table; inspect and the others are the daemon’s not found (moby plugin/errors.go errNotFound)', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker plugin ls')).stdout).toBe('ID        NAME      DESCRIPTION   ENABLED\n');
    const r = await sh(w, 'docker plugin inspect a b');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([
      '[]\n',
      'Error response from daemon: plugin "a" not found\nError response from daemon: plugin "b" not found\n',
      1,
    ]);
    expect((await sh(w, 'docker plugin disable x')).stderr).toBe('Error response from daemon: plugin "x" not found\n');
    expect((await sh(w, 'docker plugin list --format json')).stdout).toBe('');
  });
});

describe('docker trust', () => {
  it('inspect cannot reach the Notary server: "[]" and one error a repository (trust/common.go lookupTrustInfo)', async () => {
    const r = await sh(await world([]), 'docker trust inspect alpine nginx');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['[]\n', 'no signatures or cannot access alpine\nno signatures or cannot access nginx\n', 1]);
  });
  it('has the key and signer groups (trust/cmd.go)', async () => {
    // trust/cmd.go RunE command.ShowHelp(dockerCli.Err()): the usage goes to stderr.
    const r = await sh(await world([]), 'docker trust');
    expect(r.stderr).toContain(
      '\nManagement Commands:\n  key         Manage keys for signing Docker images\n  signer      Manage entities who can sign Docker images\n\nCommands:\n  inspect ',
    );
  });
});

describe('docker manifest', () => {
  it('inspect of a tag that names an index prints the list the CLI rebuilds (manifestlist.FromDescriptors, 3-blank indent)', async () => {
    const r = await sh(await world([]), 'docker manifest inspect alpine:3.20');
    const list = JSON.parse(r.stdout);
    expect(list.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(list.manifests.map((m: { platform: unknown }) => m.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux', variant: 'v8' },
    ]);
    expect(r.stdout.split('\n')[1]).toBe('   "schemaVersion": 2,');
  });
  it('lists the platform manifests of the index docker pull resolves; -v prints each as types.ImageManifest', async () => {
    const w = await world(['alpine:3.20']);
    const list = JSON.parse((await sh(w, 'docker manifest inspect alpine:3.20')).stdout);
    // RepoDigests names the index; the list names its entries.
    const repoDigest = (await sh(w, "docker image inspect -f '{{index .RepoDigests 0}}' alpine:3.20")).stdout.trim();
    expect(repoDigest).toMatch(/^alpine@sha256:[0-9a-f]{64}$/);
    expect(list.manifests.map((m: { digest: string }) => m.digest)).not.toContain(repoDigest.split('@')[1]);
    const verbose = JSON.parse((await sh(w, 'docker manifest inspect -v alpine:3.20')).stdout);
    expect(verbose[0].Ref).toBe(`docker.io/library/alpine:3.20@${list.manifests[0].digest}`);
    expect(verbose[0].Descriptor.digest).toBe(list.manifests[0].digest);
    expect(verbose[0].OCIManifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(atob(verbose[0].Raw)).toBe(JSON.stringify(JSON.parse(atob(verbose[0].Raw))));
  });
  it('a missing manifest, and the empty local store', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker manifest inspect nosuch')).stderr).toBe('no such manifest: docker.io/library/nosuch:latest\n');
    expect((await sh(w, 'docker manifest rm a')).stderr).toBe('No such manifest: docker.io/library/a:latest\n');
  });
  it('create fetches each manifest from its registry first (create_list.go, fetcher.go fetchManifest)', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker manifest create my/list alpine:3.20')).stderr).toBe('docker.io/library/alpine:3.20 is a manifest list\n');
    expect((await sh(w, 'docker manifest create my/list nosuch')).stderr).toBe('no such manifest: docker.io/library/nosuch:latest\n');
    expect((await sh(w, 'docker manifest create a:b:c alpine')).stderr).toBe('error parsing name for manifest list a:b:c: invalid reference format\n');
  });
  it('its help carries the EXPERIMENTAL block of an "experimentalCLI" command (cli/cobra.go usageTemplate)', async () => {
    const r = await sh(await world([]), 'docker manifest inspect --help');
    expect(r.stdout).toContain('\n\nEXPERIMENTAL:\n  docker manifest inspect is an experimental feature.\n');
  });
});

describe('docker plugin install and create', () => {
  it('install asks the registry for the plugin (plugin/fetch_linux.go): Docker Hub’s refusal, a missing tag, an image that is no plugin', async () => {
    const w = await world([]);
    const e = async (line: string) => {
      const r = await sh(w, line);
      return [r.stderr, r.exitCode];
    };
    expect(await e('docker plugin install vieux/sshfs')).toEqual([
      'Error response from daemon: error resolving plugin reference: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n',
      1,
    ]);
    expect(await e('docker plugin install alpine:9.9')).toEqual([
      'Error response from daemon: error resolving plugin reference: docker.io/library/alpine:9.9: not found\n',
      1,
    ]);
    expect(await e('docker plugin install alpine')).toEqual(['Error response from daemon: fetched plugin image but plugin config is missing\n', 1]);
    expect(await e('docker plugin install Bad')).toEqual(['invalid reference format: repository name (library/Bad) must be lowercase\n', 1]);
  });

  it('create checks the name, the directory and its config.json on the client (plugin/create.go validateContextDir, validateConfig)', async () => {
    const w = await world([]);
    const e = async (line: string) => (await sh(w, line)).stderr;
    expect(await e('docker plugin create me/p nodir')).toBe('lstat /root/nodir: no such file or directory\n');
    expect(await e('touch f; docker plugin create me/p f')).toBe('context must be a directory\n');
    expect(await e('mkdir -p p; docker plugin create me/p p')).toBe('open p/config.json: no such file or directory\n');
    expect(await e('printf "" > p/config.json; docker plugin create me/p p')).toBe('EOF\n');
    expect(await e('echo "{" > p/config.json; docker plugin create me/p p')).toBe('unexpected EOF\n');
    expect(await e('echo "x" > p/config.json; docker plugin create me/p p')).toBe("invalid character 'x' looking for beginning of value\n");
    expect(await e('echo "[]" > p/config.json; docker plugin create me/p p')).toBe('json: cannot unmarshal array into Go value of type types.PluginConfig\n');
  });
});

describe('docker trust: the CLI’s own checks before the Notary server (cli/command/trust)', () => {
  it('sign needs a tag (sign.go validateTag); signer add a valid name and --key; key generate and key load check names and files', async () => {
    const w = await world([]);
    const e = async (line: string) => {
      const r = await sh(w, line);
      return [r.stdout, r.stderr, r.exitCode];
    };
    expect(await e('docker trust sign alpine')).toEqual(['', 'no tag specified for alpine\n', 1]);
    expect(await e('docker trust signer add releases alpine')).toEqual(['', 'releases is a reserved keyword, use a different signer name\n', 1]);
    expect(await e('docker trust signer add bob alpine')).toEqual(['', 'path to a public key must be provided using the `--key` flag\n', 1]);
    expect(await e('docker trust key generate Bob')).toEqual([
      '',
      'key name "Bob" must start with lowercase alphanumeric characters and can include "-" or "_" after the first character\n',
      1,
    ]);
    expect(await e('touch bob.pub; docker trust key generate bob')).toEqual(['', 'public key file already exists: "/root/bob.pub"\n', 1]);
    expect(await e('docker trust key load nokey.pem')).toEqual([
      'Loading key from "nokey.pem"...\n',
      'refusing to load key from nokey.pem: stat nokey.pem: no such file or directory\n',
      1,
    ]);
    expect((await e('touch k.pem; chmod 644 k.pem; docker trust key load k.pem'))[1]).toBe(
      'refusing to load key from k.pem: private key file k.pem must not be readable or writable by others\n',
    );
    expect((await e('chmod 600 k.pem; docker trust key load k.pem'))[1]).toBe(
      "error importing key from k.pem: provided file k.pem is not a supported private key - to add a signer's public key use docker trust signer add\n",
    );
    // Past its checks, a course line says what is not simulated.
    const r = await w.exec('docker trust sign alpine:3.20');
    expect([r.stderr, r.exitCode, r.notes?.length]).toEqual(['', 1, 1]);
  });
});
