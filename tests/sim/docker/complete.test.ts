import { describe, expect, it } from 'vitest';
import { world } from '../helpers.ts';

const at = (line: string) => [line, line.length] as const;

describe('Tab completion asks the docker registry', () => {
  it('completes the subcommands of docker and of each group', async () => {
    const w = await world([]);
    expect(await w.complete(...at('docker in'))).toEqual(['info', 'inspect']);
    expect(await w.complete(...at('docker vo'))).toEqual(['volume']);
    expect(await w.complete(...at('docker image l'))).toEqual(['load', 'ls']);
    expect(await w.complete(...at('docker network '))).toEqual(['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm']);
    expect(await w.complete(...at('docker system '))).toEqual(['df', 'events', 'info', 'prune']);
  });
  it('completes the whole tree: plugin and nested groups, not the commands hidden on node1 (swarm manager ones)', async () => {
    const w = await world([]);
    expect(await w.complete(...at('docker s'))).toEqual(['save', 'search', 'start', 'stats', 'stop', 'swarm', 'system']);
    expect(await w.complete(...at('docker bu'))).toEqual(['build', 'builder', 'buildx']);
    expect(await w.complete(...at('docker no'))).toEqual([]);
    expect(await w.complete(...at('docker swarm '))).toEqual(['init', 'join']);
    expect(await w.complete(...at('docker trust '))).toEqual(['inspect', 'key', 'revoke', 'sign', 'signer']);
    expect(await w.complete(...at('docker trust key '))).toEqual(['generate', 'load']);
    expect(await w.complete(...at('docker buildx i'))).toEqual(['imagetools', 'inspect']);
    expect(await w.complete(...at('docker manifest inspect --v'))).toEqual(['--verbose']);
  });
  it('completes the flags of any subcommand (those the simulator implements)', async () => {
    const w = await world([]);
    expect(await w.complete(...at('docker ps --f'))).toEqual(['--filter', '--format']);
    expect(await w.complete(...at('docker container ls --no'))).toEqual(['--no-trunc']);
    expect(await w.complete(...at('docker logs --t'))).toEqual(['--tail', '--timestamps']);
    expect(await w.complete(...at('docker run --cap-'))).toEqual(['--cap-add', '--cap-drop']);
    expect(await w.complete(...at('docker volume ls --'))).toEqual(['--filter', '--format', '--quiet']);
  });
  it('offers container names where a CONTAINER is expected and image names where an IMAGE is', async () => {
    const w = await world(['alpine']);
    await w.exec('docker run -d --name web1 alpine sleep 1000');
    await w.exec('docker run -d --name web2 alpine sleep 1000');
    expect(await w.complete(...at('docker stop we'))).toEqual(['web1', 'web2']);
    expect(await w.complete(...at('docker stop web1 w'))).toEqual(['web1', 'web2']);
    expect(await w.complete(...at('docker logs --tail 5 w'))).toEqual(['web1', 'web2']);
    expect(await w.complete(...at('docker container rm w'))).toEqual(['web1', 'web2']);
    expect(await w.complete(...at('docker run al'))).toEqual(['alpine:latest']);
    expect(await w.complete(...at('docker rmi al'))).toEqual(['alpine:latest']);
    expect(await w.complete(...at('docker image history al'))).toEqual(['alpine:latest']);
    // The second argument of docker logs is not a container; the command after the image is not an image.
    expect(await w.complete(...at('docker run alpine w'))).not.toContain('web1');
  });
});
