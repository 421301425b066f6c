/**
 * `docker swarm` and the swarm-manager commands on node1, whose daemon is not in a swarm:
 * docker/cli@v27.3.1:cmd/docker/docker.go hideUnsupportedFeatures hides the "swarm": "manager" (and "active")
 * commands from the help, moby@v27.3.1:daemon/cluster/cluster.go errNoManager and errors.go errNoSwarm answer them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { sh, world } from '../helpers.ts';

// moby@v27.3.1:daemon/cluster/cluster.go errNoManager (a node with no swarm node), through the client's prefix.
const NOT_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';

describe('docker swarm on a node that is not in a swarm', () => {
  it('lists only init and join, the commands a non-swarm node can use', async () => {
    const r = await sh(await world([]), 'docker swarm --help');
    expect(r.stdout).toBe(
      "\nUsage:  docker swarm COMMAND\n\nManage Swarm\n\nCommands:\n  init        Initialize a swarm\n  join        Join a swarm as a node and/or manager\n\nRun 'docker swarm COMMAND --help' for more information on a command.\n",
    );
  });

  it('docker --help has the Swarm Commands section with swarm only; the manager groups are hidden but run', async () => {
    const w = await world([]);
    const help = (await sh(w, 'docker --help')).stdout;
    expect(help).toContain('\n\nSwarm Commands:\n  swarm       Manage Swarm\n\nCommands:\n');
    for (const g of ['config', 'node', 'secret', 'service', 'stack']) {
      expect(help).not.toMatch(new RegExp(`^  ${g} `, 'm'));
      const r = await sh(w, `docker ${g} ls`);
      expect([r.stdout, r.stderr, r.exitCode], g).toEqual(['', NOT_MANAGER, 1]);
    }
  });

  it('answers with the daemon’s errors, and the CLI’s own checks first', async () => {
    const w = await world([]);
    const cases: [string, string][] = [
      ['docker swarm leave', 'Error response from daemon: This node is not part of a swarm\n'],
      ['docker swarm join-token worker', NOT_MANAGER],
      // join_token.go: the role is checked before the daemon is asked.
      ['docker swarm join-token boss', 'unknown role boss\n'],
      // unlock.go runUnlock: Info says "inactive".
      ['docker swarm unlock', 'Error: This node is not part of a swarm\n'],
      ['docker swarm init --availability bogus', 'invalid availability "bogus", only active, pause and drain are supported\n'],
      ['docker service create --name web -p 80:80 nginx', NOT_MANAGER],
      ['docker stack deploy web', 'Specify a Compose file (with --compose-file)\n'],
    ];
    for (const [line, err] of cases) {
      const r = await sh(w, line);
      expect([r.stdout, r.stderr, r.exitCode], line).toEqual(['', err, 1]);
    }
  });

  it('swarm init and join answer with one course line in the page’s language, status 1, and change nothing', async () => {
    for (const [locale, text] of [
      ['en', 'swarm mode is outside this simulated host’s scope'],
      ['zh-cn', 'Swarm 模式不在这台模拟主机的范围内'],
    ] as const) {
      const w = createWorld();
      for (const line of ['docker swarm init', 'docker swarm join 10.0.0.1:2377 --token x']) {
        const r = await w.exec(line, { locale });
        expect([r.stdout, r.stderr, r.exitCode], line).toEqual(['', '', 1]);
        expect(r.notes?.length, line).toBe(1);
        expect(r.notes?.[0], line).toContain(text);
      }
      expect((await w.exec("docker info -f '{{.Swarm.LocalNodeState}}'")).stdout).toBe('inactive\n');
    }
  });

  it('swarm update without a flag prints its help (PreRunE returns pflag.ErrHelp), status 0', async () => {
    const r = await sh(await world([]), 'docker swarm update');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('\nUsage:  docker swarm update [OPTIONS]\n\nUpdate the swarm\n\nOptions:\n')).toBe(true);
  });
});

describe('docker checkpoint, "experimental" on a daemon without experimental features', () => {
  it('is hidden, and every path through it is refused (cmd/docker/docker.go areSubcommandsSupported)', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker --help')).stdout).not.toContain('checkpoint');
    const msg = (path: string) => `${path} is only supported on a Docker daemon with experimental features enabled\n`;
    expect(await sh(w, 'docker checkpoint')).toMatchObject({ stdout: '', stderr: msg('docker checkpoint'), exitCode: 1 });
    expect(await sh(w, 'docker checkpoint list web')).toMatchObject({ stderr: msg('docker checkpoint ls'), exitCode: 1 });
    // setHelpFunc prints the error instead of the help, and the command ends well.
    expect(await sh(w, 'docker checkpoint create --help')).toMatchObject({ stdout: '', stderr: msg('docker checkpoint create'), exitCode: 0 });
  });
});

describe('docker service create/update and stack deploy: the flag tables and the order of the checks', () => {
  it('service create/update parse with their real tables (service/create.go, update.go, opts.go), then the daemon answers', async () => {
    const w = await world([]);
    const r = await sh(w, 'docker service create --bogus nginx');
    expect([r.stderr, r.exitCode]).toEqual(["unknown flag: --bogus\nSee 'docker service create --help'.\n", 125]);
    expect((await sh(w, 'docker service create --replicas x nginx')).stderr).toBe(
      'invalid argument "x" for "--replicas" flag: strconv.ParseUint: parsing "x": invalid syntax\nSee \'docker service create --help\'.\n',
    );
    // SetInterspersed(false): the image's command keeps its flags.
    expect((await sh(w, 'docker service create -d --name web -p 80:80 nginx nginx -g "daemon off;"')).stderr).toBe(NOT_MANAGER);
    expect((await sh(w, 'docker service update --env-rm A --publish-add 8080:80 web')).stderr).toBe(NOT_MANAGER);
    expect((await sh(w, 'docker service update --mode global web')).stderr).toBe("unknown flag: --mode\nSee 'docker service update --help'.\n");
  });

  it('service create --help has flagDesc’s defaults (buildServiceDefaultFlagMapping); update’s has none', async () => {
    const w = await world([]);
    const create = (await sh(w, 'docker service create --help')).stdout;
    expect(create).toContain(
      '      --stop-grace-period duration         Time to wait before force\n                                           killing a container\n                                           (ns|us|ms|s|m|h) (default 10s)\n',
    );
    expect(create).toContain('      --ulimit ulimit                      Ulimit options (default [])\n');
    const update = (await sh(w, 'docker service update --help')).stdout;
    expect(update).toContain(
      '      --update-parallelism uint            Maximum number of tasks\n                                           updated simultaneously (0 to\n                                           update all at once)\n',
    );
  });

  it('stack deploy reads each Compose file as named first (loader.go), then RunDeploy’s checks', async () => {
    const w = await world([]);
    expect((await sh(w, 'docker stack deploy -c nosuch.yml web')).stderr).toBe('open nosuch.yml: no such file or directory\n');
    expect((await sh(w, 'mkdir -p d; docker stack deploy -c d web')).stderr).toBe('read d: is a directory\n');
    expect((await sh(w, 'echo "- a" | docker stack deploy -c - web')).stderr).toBe('top-level object must be a mapping\n');
    await w.exec("printf 'services:\\n  web:\\n    image: nginx\\n' > s.yml");
    const swarm = 'this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again\n';
    expect((await sh(w, 'docker stack deploy -c s.yml web')).stderr).toBe(
      `Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n${swarm}`,
    );
    expect((await sh(w, 'docker stack deploy -d -c s.yml web')).stderr).toBe(swarm);
    expect((await sh(w, 'docker stack deploy --resolve-image x -c s.yml web')).stderr).toBe('Invalid option x for flag --resolve-image\n');
  });
});
