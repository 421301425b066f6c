import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// moby@v27.3.1:daemon/prune.go (containersAcceptedFilters, matchLabels, getUntilFromPruneFilters),
// api/types/filters/parse.go (MatchKVList, Validate: "invalid filter '%s'"), daemon/list.go
// (before/since, idOrNameFilter), volume/service (withPrune, acceptedPruneFilters);
// docker/cli@v27.3.1: cli/command/{container,image,volume,system}/prune.go, opts/opts.go FilterOpt.Set.
describe('docker prune and ps filters (#10)', { timeout: 60_000 }, () => {
  it('container prune honours label, label! and until, and the daemon refuses other filters', async () => {
    const w = await world(['alpine']);
    const id = async (name: string) => (await sh(w, `docker inspect -f '{{.Id}}' ${name}`)).stdout.trim();
    await sh(
      w,
      'docker run --name one --label tier=web alpine true; docker run --name two --label tier=db -l keep alpine true; docker run --name three alpine true',
    );
    const one = await id('one');
    expect((await sh(w, "docker inspect -f '{{json .Config.Labels}}' two")).stdout).toBe('{"keep":"","tier":"db"}\n');
    expect((await sh(w, 'docker container prune -f --filter label=tier=web')).stdout).toBe(`Deleted Containers:\n${one}\n\nTotal reclaimed space: 0B\n`);
    const three = await id('three');
    // label!=keep: containers without the key, including those with no labels at all.
    expect((await sh(w, 'docker container prune -f --filter label!=keep')).stdout).toBe(`Deleted Containers:\n${three}\n\nTotal reclaimed space: 0B\n`);
    // Created just now: nothing is older than an hour.
    expect((await sh(w, 'docker container prune -f --filter until=1h')).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await sh(w, "docker ps -a --format '{{.Names}}'")).stdout).toBe('two\n');
    const bad = await sh(w, 'docker container prune -f --filter status=exited');
    expect([bad.stderr, bad.exitCode]).toEqual(["Error response from daemon: invalid filter 'status'\n", 1]);
    const when = await sh(w, 'docker container prune -f --filter until=soon');
    expect([when.stderr, when.exitCode]).toEqual(['Error response from daemon: failed to parse value as time or duration: "soon"\n', 1]);
    const twice = await sh(w, 'docker container prune -f --filter until=1h --filter until=2h');
    expect(twice.stderr).toBe('Error response from daemon: more than one until filter specified\n');
    const fmt = await sh(w, 'docker container prune -f --filter label');
    expect([fmt.stderr, fmt.exitCode]).toEqual([
      'invalid argument "label" for "--filter" flag: bad format of filter (expected name=value)\nSee \'docker container prune --help\'.\n',
      125,
    ]);
    // Without -f: the CLI's prompt; a "no" removes nothing.
    expect((await sh(w, 'echo n | docker container prune --filter label=tier')).stdout).toBe(
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
    );
    expect((await sh(w, 'docker ps -aq | wc -l')).stdout).toBe('1\n');
  });

  it('volume, network and image prune match labels; system prune lists its filters in the prompt', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker volume create --label team=a va >/dev/null; docker volume create --label team=b vb >/dev/null; docker volume create plain >/dev/null');
    expect((await sh(w, 'docker volume prune -f -a --filter label=team=a')).stdout).toBe('Deleted Volumes:\nva\n\nTotal reclaimed space: 0B\n');
    // Without --all only anonymous volumes are candidates (withPrune adds their label).
    expect((await sh(w, 'docker volume prune -f --filter label=team')).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await sh(w, 'echo n | docker volume prune -a')).stdout).toBe(
      'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
    expect((await sh(w, 'docker volume prune -f --filter all=maybe')).stderr).toBe(
      'Error response from daemon: invalid filter \'all\': strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
    expect((await sh(w, 'docker volume prune -f -a --filter all=1')).stderr).toBe('conflicting options: cannot specify both --all and --filter all=1\n');
    expect((await sh(w, 'docker volume prune -f --filter until=1h')).stderr).toBe("Error response from daemon: invalid filter 'until'\n");
    await sh(w, 'docker network create --label env=dev dev >/dev/null; docker network create prod >/dev/null');
    expect((await sh(w, 'docker network prune -f --filter label=env=dev')).stdout).toBe('Deleted Networks:\ndev\n\n');
    expect((await sh(w, "docker network ls --format '{{.Name}}' | grep prod")).stdout).toBe('prod\n');
    expect((await sh(w, 'docker image prune -f --filter label=nothing')).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await sh(w, 'docker image prune -f --filter reference=alpine')).stderr).toBe("Error response from daemon: invalid filter 'reference'\n");
    const prompt = await sh(w, 'echo n | docker system prune --filter until=24h --filter label=b=2 --filter label!=a');
    expect(prompt.stdout).toBe(
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\n' +
        '  Items to be pruned will be filtered with:\n  - label!=a\n  - label=b=2\n  - until=24h\n\nAre you sure you want to continue? [y/N] ',
    );
    const vols = await sh(w, 'docker system prune -f --volumes --filter until=1h');
    expect([vols.stderr, vols.exitCode]).toEqual(['ERROR: The "until" filter is not supported with "--volumes"\n', 1]);
    await sh(w, 'docker run --name keepme --label keep=1 alpine true; docker run --name dropme alpine true');
    const sys = await sh(w, 'docker system prune -f --filter label!=keep');
    expect(sys.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nDeleted Networks:\nprod\n\nTotal reclaimed space: 0B\n$/);
    expect((await sh(w, "docker ps -a --format '{{.Names}}'")).stdout).toBe('keepme\n');
  });

  it('ps --filter before= and since= name a container by name or full ID, as daemon/list.go does', async () => {
    const w = await world(['alpine']);
    await sh(
      w,
      'docker run -d --name c1 alpine true; docker run -d --name c2 -l role=x alpine sleep 1d; docker run -d --name c3 alpine true; docker run -d --name c4 alpine sleep 1d',
    );
    const names = async (line: string) => (await sh(w, `${line} --format '{{.Names}}'`)).stdout;
    expect(await names('docker ps -a --filter before=c3')).toBe('c2\nc1\n');
    expect(await names('docker ps -a --filter since=c2')).toBe('c4\nc3\n');
    // Without -a only running containers are shown, after before/since.
    expect(await names('docker ps --filter before=c4')).toBe('c2\n');
    expect(await names('docker ps -a --filter since=c1 --filter before=c4')).toBe('c3\nc2\n');
    const full = (await sh(w, "docker inspect -f '{{.Id}}' c3")).stdout.trim();
    expect(await names(`docker ps -a --filter before=${full}`)).toBe('c2\nc1\n');
    expect(await names('docker ps -a --filter label=role=x')).toBe('c2\n');
    // view.Get takes a full ID only: a short ID is "No such container".
    const short = await sh(w, `docker ps -a --filter before=${full.slice(0, 12)}`);
    expect([short.stderr, short.exitCode]).toEqual([`Error response from daemon: No such container: ${full.slice(0, 12)}\n`, 1]);
    const none = await sh(w, 'docker ps --filter since=nope');
    expect([none.stdout, none.stderr, none.exitCode]).toEqual(['', 'Error response from daemon: No such container: nope\n', 1]);
  });
});

describe('--filter values of one key are ORed, keys ANDed (moby filters.Args, #10)', () => {
  it('docker ps: name, status, exited, id, publish/expose, health, and the daemon errors (moby@v27.3.1:daemon/list.go)', async () => {
    const w = await world(['alpine', 'nginx']);
    await sh(w, 'docker run -d --name aa alpine sleep 300');
    await sh(w, 'docker run -d --name bb alpine sleep 300');
    await sh(w, 'docker run -d --name cc -p 8080:80 nginx');
    await sh(w, "docker run --name dd alpine sh -c 'exit 3'");
    const names = async (f: string) => (await sh(w, `docker ps ${f} --format '{{.Names}}'`)).out;
    expect(await names('--filter name=aa --filter name=bb')).toBe('bb\naa\n');
    expect(await names('-a --filter status=exited --filter status=running')).toBe('dd\ncc\nbb\naa\n');
    expect(await names('-a --filter exited=3 --filter exited=0')).toBe('dd\n');
    expect(await names('--filter name=a --filter status=running')).toBe('aa\n');
    expect(await names('--filter name=^/b')).toBe('bb\n');
    // publish matches the host port, expose the container port (container.Ports' PublicPort and PrivatePort).
    expect(await names('--filter publish=8080')).toBe('cc\n');
    expect(await names('--filter publish=80')).toBe('');
    expect(await names('--filter expose=70-90/tcp')).toBe('cc\n');
    expect(await names('--filter health=none --filter health=healthy')).toBe('cc\nbb\naa\n');
    expect(await names('--filter is-task=false --filter name=cc')).toBe('cc\n');
    const err = async (f: string) => (await sh(w, `docker ps ${f}`)).stderr;
    expect(await err('--filter publish=80:80')).toBe("Error response from daemon: filter for 'publish' should not contain ':': 80:80\n");
    expect(await err('--filter status=up')).toBe("Error response from daemon: invalid filter 'status=up'\n");
    expect(await err('--filter exited=x')).toBe('Error response from daemon: invalid filter \'exited=x\': strconv.Atoi: parsing "x": invalid syntax\n');
    expect(await err('--filter health=bad')).toBe('Error response from daemon: unrecognized filter value for health: bad\n');
    expect(await err('--filter foo=bar')).toBe("Error response from daemon: invalid filter 'foo'\n");
  });

  it('docker network ls: name, driver, type, dangling (moby@v27.3.1:daemon/network/filter.go), sorted by the CLI', async () => {
    const w = await world([]);
    await sh(w, 'docker network create n1');
    await sh(w, 'docker network create n2');
    const names = async (f: string) => (await sh(w, `docker network ls ${f} --format '{{.Name}}'`)).out;
    expect(await names('--filter name=n1 --filter name=n2')).toBe('n1\nn2\n');
    expect(await names('--filter driver=bridge --filter driver=host')).toBe('bridge\nhost\nn1\nn2\n');
    expect(await names('--filter type=builtin --filter type=custom')).toBe('bridge\nhost\nn1\nn2\nnone\n');
    expect(await names('--filter dangling=true --filter name=2')).toBe('n2\n');
    expect((await sh(w, 'docker network ls --filter dangling=yes')).stderr).toBe(
      'Error response from daemon: invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")\n',
    );
    expect((await sh(w, 'docker network ls --filter type=x')).stderr).toBe("Error response from daemon: invalid filter: 'type'='x'\n");
  });
});

// moby@v27.3.1:daemon/images/image_list.go Images (reference values ORed, each through
// distribution/reference FamiliarMatch: path.Match on the familiar name:tag or name@digest, then
// the familiar name); docker/cli@v27.3.1:cli/command/image/list.go adds the positional argument.
describe('docker images --filter reference (#10)', { timeout: 60_000 }, () => {
  it('ORs the values and the positional argument; globs; keeps only the matching tags and digests', async () => {
    const w = await world(['alpine', 'busybox', 'nginx:1.25']);
    await sh(w, 'docker tag alpine localhost:5000/tools/alpine:3');
    const names = async (args: string) => (await sh(w, `docker images --format '{{.Repository}}:{{.Tag}}' ${args}`)).out;
    expect(await names('--filter reference=alpine --filter reference=busybox')).toBe('alpine:latest\nbusybox:latest\n');
    expect(await names('busybox --filter reference=nginx')).toBe('nginx:1.25\nbusybox:latest\n');
    expect(await names("--filter 'reference=ngin*'")).toBe('nginx:1.25\n');
    expect(await names("'*/*/*'")).toBe('localhost:5000/tools/alpine:3\n');
    expect(await names("'*alpine:?'")).toBe('');
    expect(await names("'*/*/alpine:?'")).toBe('localhost:5000/tools/alpine:3\n');
    // The familiar name is nginx, not library/nginx.
    expect(await names('library/nginx')).toBe('');
    // nginx:1.25 does not match the digest reference nginx@sha256:…, so the digest is <none>.
    expect((await sh(w, "docker images --digests --format '{{.Tag}} {{.Digest}}' nginx:1.25")).out).toBe('1.25 <none>\n');
    expect((await sh(w, "docker images --digests --format '{{.Tag}} {{.Digest}}' nginx")).out).toMatch(/^1\.25 sha256:[0-9a-f]{64}\n$/);
    const bad = await sh(w, "docker images --filter 'reference=[a'");
    expect([bad.out, bad.exitCode]).toEqual(['Error response from daemon: syntax error in pattern\n', 1]);
  });
});

// moby@v27.3.1:volume/service/convert.go filtersToBy and service.go acceptedListFilters (dangling, name,
// driver, label); api/types/filters/errors.go invalidFilter ("invalid filter 'NAME'", "'NAME=[VALUES]'").
describe('docker volume ls --filter (#10)', { timeout: 60_000 }, () => {
  it('name (regular expression or exact), label, driver and dangling; values of a key ORed, keys ANDed', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker volume create data; docker volume create --label env=prod logs; docker volume create logs2');
    await sh(w, 'docker run -d --name user -v data:/d alpine sleep 100');
    const ls = async (args: string) => (await sh(w, `docker volume ls -q ${args}`)).out;
    expect(await ls('-f name=log')).toBe('logs\nlogs2\n');
    expect(await ls("-f 'name=^logs$' -f name=data")).toBe('data\nlogs\n');
    expect(await ls('-f name=log -f label=env=prod')).toBe('logs\n');
    expect(await ls('-f label=env')).toBe('logs\n');
    expect(await ls('-f label=env=dev')).toBe('');
    expect(await ls('-f driver=local -f dangling=true')).toBe('logs\nlogs2\n');
    expect(await ls('-f dangling=0')).toBe('data\n');
    expect(await ls('-f driver=nfs')).toBe('');
    expect((await sh(w, 'docker volume ls --filter name=logs2')).out).toBe('DRIVER    VOLUME NAME\nlocal     logs2\n');
  });

  it("refuses other keys and bad values with the daemon's words, and a value without = with the CLI's", async () => {
    const w = createWorld();
    const err = async (args: string) => {
      const r = await sh(w, `docker volume ls ${args}`);
      return [r.out, r.exitCode];
    };
    expect(await err('-f status=x')).toEqual(["Error response from daemon: invalid filter 'status'\n", 1]);
    expect(await err('-f label!=env')).toEqual(["Error response from daemon: invalid filter 'label!'\n", 1]);
    expect(await err('-f dangling=maybe')).toEqual(["Error response from daemon: invalid filter 'dangling=[maybe]'\n", 1]);
    expect(await err('-f dangling=true -f dangling=false')).toEqual(["Error response from daemon: invalid filter 'dangling=[true false]'\n", 1]);
    expect(await err('-f name')).toEqual([
      'invalid argument "name" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker volume ls --help\'.\n',
      125,
    ]);
    expect(await err('')).toEqual(['DRIVER    VOLUME NAME\n', 0]);
    const img = await sh(w, 'docker images -f dangling=maybe');
    expect(img.out).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'\n");
  });
});
