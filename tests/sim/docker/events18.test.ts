import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

/** Each event as "type action name-or-id (the attributes named)": ids and timestamps vary, the order and words do not. */
const FORMAT = `--format '{{.Type}} {{.Action}} {{with .Actor.Attributes.name}}{{.}}{{else}}{{.Actor.ID}}{{end}}{{with .Actor.Attributes.container}} c{{end}}{{with .Actor.Attributes.reclaimed}} reclaimed={{.}}{{end}}'`;

/** The log from the first line that is `first` on: world() warms up with a container of its own before the test. */
async function eventsFrom(w: Awaited<ReturnType<typeof world>>, first: string, filters = ''): Promise<string> {
  const out = (await sh(w, `docker events --since 0 --until 0s ${filters} ${FORMAT}`)).stdout;
  const at = out.split('\n').indexOf(first);
  return at < 0 ? out : out.split('\n').slice(at).join('\n');
}

describe('docker events: a container life as moby v27.3.1 logs it', () => {
  // moby@v27.3.1:daemon/create.go (volumes made before `create`), daemon/attach.go containerAttach (`attach`, before the
  // CLI's ContainerStart), daemon/container_operations.go connectToNetwork (`connect`), daemon/volumes_unix.go
  // setupMounts (`mount`), daemon/start.go (`start`); on exit daemon/monitor.go handleContainerExit runs Cleanup
  // (releaseNetwork → `disconnect`, UnmountVolumes → `unmount`) before `die`, then autoRemove (`destroy`, once).
  it('run --rm attached: create, attach, connect, start, disconnect, die, destroy', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run --rm --name once alpine true');
    expect(await eventsFrom(w, 'container create once')).toBe(
      [
        'container create once',
        'container attach once',
        'network connect bridge c',
        'container start once',
        'network disconnect bridge c',
        'container die once',
        'container destroy once',
        '',
      ].join('\n'),
    );
  });

  it('a volume is created before its container, mounted after the network, unmounted before die', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name v1 -v data:/data alpine sleep 300');
    await sh(w, 'docker stop -t 1 v1');
    expect(await eventsFrom(w, 'volume create data')).toBe(
      [
        'volume create data',
        'container create v1',
        'network connect bridge c',
        'volume mount data c',
        'container start v1',
        'container kill v1',
        'container kill v1',
        'network disconnect bridge c',
        'volume unmount data c',
        'container die v1',
        'container stop v1',
        '',
      ].join('\n'),
    );
    // setupMounts' attributes: driver, container, destination, read/write, propagation (empty for a volume).
    expect(
      (
        await sh(
          w,
          'docker events --since 0 --until 0s --filter event=mount --format \'{{.Actor.Attributes.destination}} rw={{index .Actor.Attributes "read/write"}} p=[{{.Actor.Attributes.propagation}}]\'',
        )
      ).stdout,
    ).toBe('/data rw=true p=[]\n');
  });

  it('restart logs stop then start, then `restart`; --network none and host still join their network', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name r1 --network none alpine sleep 300');
    await sh(w, 'docker restart -t 0 r1');
    await sh(w, 'docker run --rm --network host alpine true');
    const out = await eventsFrom(w, 'network connect none c', '--filter type=network');
    expect(out).toBe(
      ['network connect none c', 'network disconnect none c', 'network connect none c', 'network connect host c', 'network disconnect host c', ''].join('\n'),
    );
    expect((await sh(w, "docker events --since 0 --until 0s --filter container=r1 --format '{{.Action}}'")).stdout.split('\n').slice(-3)).toEqual([
      'start',
      'restart',
      '',
    ]);
    // LogNetworkEventWithAttributes: `type` is the driver (null for none).
    expect((await sh(w, "docker events --since 0 --until 0s --filter network=none --format '{{.Actor.Attributes.type}}' | sort -u")).stdout).toBe('null\n');
  });

  it('a start that fails after its sandbox is set up undoes it: connect, disconnect, no start and no die', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run --name bad alpine nosuch');
    expect(await eventsFrom(w, 'container create bad')).toBe(
      ['container create bad', 'container attach bad', 'network connect bridge c', 'network disconnect bridge c', ''].join('\n'),
    );
  });
});

describe('docker events: networks, volumes and prunes', () => {
  // moby@v27.3.1:daemon/network.go createNetwork/deleteNetwork (`create`, `destroy`), container_operations.go
  // ConnectToNetwork (a running container only) and DisconnectFromNetwork; volume/service/store.go Create/Remove;
  // the prunes' one event each with no actor id (prune.go, image_prune.go, service.go, backend.go PruneCache).
  it('network and volume commands log their objects; every prune logs `prune` with reclaimed bytes', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker network create n1');
    await sh(w, 'docker run -d --name c1 alpine sleep 300');
    await sh(w, 'docker network connect n1 c1');
    await sh(w, 'docker network disconnect n1 c1');
    await sh(w, 'docker network rm n1');
    await sh(w, 'docker volume create v1');
    await sh(w, 'docker volume rm v1');
    await sh(w, 'docker rm -f c1');
    await sh(w, 'docker network create n2');
    await sh(w, 'docker system prune -af');
    const out = await eventsFrom(w, 'network create n1', '--filter type=network --filter type=volume --filter type=builder');
    expect(out).toBe(
      [
        'network create n1',
        'network connect bridge c',
        'network connect n1 c',
        'network disconnect n1 c',
        'network destroy n1',
        'volume create v1',
        'volume destroy v1',
        'network disconnect bridge c',
        'network create n2',
        'network destroy n2',
        'network prune  reclaimed=0',
        'builder prune  reclaimed=0',
        '',
      ].join('\n'),
    );
    // The volume's events carry its name as the actor id, with driver=local.
    expect(
      (await sh(w, "docker events --since 0 --until 0s --filter type=volume --format '{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}'")).stdout,
    ).toBe('create v1 local\ndestroy v1 local\n');
    // events.go prettyPrintEvent: "%s %s %s" with an empty actor id leaves two spaces before the attributes.
    expect((await sh(w, 'docker events --since 0 --until 0s --filter event=prune --filter type=image')).stdout).toMatch(
      /^\S+ image prune {2}\(reclaimed=\d+\)\n$/,
    );
    // image_prune.go: each image goes through ImageDelete (untag per reference, then delete).
    expect((await sh(w, "docker events --since 0 --until 0s --filter type=image --format '{{.Action}}'")).stdout).toBe('pull\nuntag\nuntag\ndelete\nprune\n');
  });

  // docker/cli@v27.3.1:cli/command/container/run.go MonitorTtySize after ContainerStart (a TTY, stdout a terminal);
  // attach.go resizeTTY sends the size plus one, then the size; moby@v27.3.1:daemon/resize.go ContainerResize logs
  // `resize` with height and width. A detached run sends none.
  it('a TTY session logs `resize` with the terminal size; docker attach logs two, the first one larger', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -it --name tt alpine sh');
    await sh(w, 'exit');
    await sh(w, 'docker run -dit --name bg alpine sh');
    const [rows, cols] = [24, 80]; // createWorld()'s terminal when nobody resized it
    await sh(w, 'docker attach bg');
    await sh(w, 'exit');
    expect(
      (
        await sh(
          w,
          "docker events --since 0 --until 0s --filter event=resize --format '{{.Actor.Attributes.name}} {{.Actor.Attributes.height}}x{{.Actor.Attributes.width}}'",
        )
      ).stdout,
    ).toBe(`tt ${rows}x${cols}\nbg ${rows + 1}x${cols + 1}\nbg ${rows}x${cols}\n`);
  });

  // moby@v27.3.1:daemon/attach.go: an attach ended by the detach keys (term.EscapeError) logs `detach`;
  // daemon/exec.go ContainerExecStart logs `exec_detach` with the exec's id for an exec session.
  it('the detach keys log `detach` for a run -it or attach session, `exec_detach` for an exec one', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -it --name dd alpine sh');
    await sh(w, '\x10\x11');
    await sh(w, 'docker exec -it dd sh');
    await sh(w, '\x10\x11');
    const out = (await sh(w, "docker events --since 0 --until 0s --filter container=dd --format '{{.Action}}'")).stdout;
    expect(out.split('\n').filter((a) => /detach/.test(a))).toEqual(['detach', 'exec_detach']);
    const ids = (
      await sh(
        w,
        "docker events --since 0 --until 0s --filter container=dd --format '{{.Action}} {{.Actor.Attributes.execID}}' | grep exec_ | awk '{print $NF}' | sort -u | wc -l",
      )
    ).stdout;
    expect(ids).toBe('1\n'); // exec_create, exec_start and exec_detach name one exec
  });

  // moby@v27.3.1:daemon/top_unix.go (`top`); daemon/commit.go CreateImageFromContainer (pause, images/image_commit.go
  // `create`, image_tag.go `tag`, the container's `commit` with comment/imageID/imageRef, unpause); BuildKit's moby
  // exporter (builder-next/exporter/mobyexporter/export.go: `tag` per name, then daemon/build.go's `create`).
  it('top, commit and build log what the daemon does for them', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name cm alpine sleep 300');
    await sh(w, 'docker top cm');
    await sh(w, 'docker commit -m first cm snap');
    await sh(w, "mkdir b && printf 'FROM alpine\\nRUN echo hi\\n' > b/Dockerfile && docker build -q -t mine b");
    await sh(w, 'sleep 1');
    const out = await eventsFrom(w, 'container top cm');
    expect(out.replace(/sha256:[0-9a-f]{64}/g, 'ID')).toBe(
      [
        'container top cm',
        'container pause cm',
        'image create ID',
        'image tag snap:latest',
        'container commit cm',
        'container unpause cm',
        'image tag mine:latest',
        'image create ID',
        '',
      ].join('\n'),
    );
    expect(
      (await sh(w, "docker events --since 0 --until 0s --filter event=commit --format '{{.Actor.Attributes.comment}} {{.Actor.Attributes.imageRef}}'")).stdout,
    ).toBe('first snap:latest\n');
    await sh(w, 'docker commit --pause=false cm snap2 && sleep 1');
    expect((await sh(w, "docker events --since 0 --until 0s --filter event=pause --format '{{.Action}}' | wc -l")).stdout).toBe('1\n');
  });
});
