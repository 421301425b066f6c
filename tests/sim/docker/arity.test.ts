import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS, type Entry } from '../../../src/sim/shell/commands/docker/registry.ts';
import { sh, world } from '../helpers.ts';

/** Every path the registry serves: [parent, name, entry]. */
const paths: [string, string, Entry][] = [
  ...Object.entries(COMMANDS).map(([n, e]) => ['docker', n, e] as [string, string, Entry]),
  ...Object.entries(GROUPS).flatMap(([g, grp]) => Object.entries(grp.subs).map(([n, e]) => [`docker ${g}`, n, e] as [string, string, Entry])),
];

// Streams until stopped (events, stats) or answers as buildx (build): not run without arguments here.
const STREAMS = new Set(['events', 'stats', 'build']);

describe('argument-count errors name the path the learner typed (cmd.CommandPath(), docker/cli@v27.3.1:cli/required.go)', () => {
  it('every command, reached by every path, names that path, its usage line and its Short', async () => {
    const w = await world([]);
    let checked = 0;
    for (const [parent, name, entry] of paths) {
      const def = (await entry.load()).default;
      if (name === 'build') continue;
      const path = `${parent} ${name}`;
      const use = entry.use ?? def.use;
      const lines = [`${path} a1 a2 a3 a4 a5 a6 a7`, ...(STREAMS.has(name) ? [] : [path])];
      for (const line of lines) {
        const r = await sh(w, `${line} </dev/null`);
        if (!/^"docker [^"]*" (requires|accepts no)/.test(r.stderr)) continue;
        checked++;
        expect(r.stderr, line).toMatch(new RegExp(`^"${path}" `));
        expect(r.stderr, line).toContain(`.\nSee '${path} --help'.\n\nUsage:  ${parent} ${use}\n\n${def.short}\n`);
        expect(r.exitCode, line).toBe(1);
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('docker image ls, docker image rm, docker volume rm, docker network connect and docker container diff as docker/cli words them', async () => {
    const w = await world([]);
    const cases: [string, string][] = [
      [
        'docker image ls a b',
        '"docker image ls" requires at most 1 argument.\nSee \'docker image ls --help\'.\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n',
      ],
      [
        'docker images a b',
        '"docker images" requires at most 1 argument.\nSee \'docker images --help\'.\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n',
      ],
      [
        'docker image rm',
        '"docker image rm" requires at least 1 argument.\nSee \'docker image rm --help\'.\n\nUsage:  docker image rm [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n',
      ],
      [
        'docker rmi',
        '"docker rmi" requires at least 1 argument.\nSee \'docker rmi --help\'.\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n',
      ],
      [
        'docker image tag a',
        '"docker image tag" requires exactly 2 arguments.\nSee \'docker image tag --help\'.\n\nUsage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n',
      ],
      // Reached by an alias, cobra's CommandPath() still names the command (Use's first word), and Short, not Long.
      [
        'docker volume remove',
        '"docker volume rm" requires at least 1 argument.\nSee \'docker volume rm --help\'.\n\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nRemove one or more volumes\n',
      ],
      [
        'docker image rmi',
        '"docker image rm" requires at least 1 argument.\nSee \'docker image rm --help\'.\n\nUsage:  docker image rm [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n',
      ],
      [
        'docker network connect n',
        '"docker network connect" requires exactly 2 arguments.\nSee \'docker network connect --help\'.\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nConnect a container to a network\n',
      ],
      [
        'docker container diff',
        "\"docker container diff\" requires exactly 1 argument.\nSee 'docker container diff --help'.\n\nUsage:  docker container diff CONTAINER\n\nInspect changes to files or directories on a container's filesystem\n",
      ],
      [
        'docker container commit a b c',
        "\"docker container commit\" requires at least 1 and at most 2 arguments.\nSee 'docker container commit --help'.\n\nUsage:  docker container commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container's changes\n",
      ],
      [
        'docker system info x',
        '"docker system info" accepts no arguments.\nSee \'docker system info --help\'.\n\nUsage:  docker system info [OPTIONS]\n\nDisplay system-wide information\n',
      ],
      [
        'docker image prune x',
        '"docker image prune" accepts no arguments.\nSee \'docker image prune --help\'.\n\nUsage:  docker image prune [OPTIONS]\n\nRemove unused images\n',
      ],
      [
        'docker login a b',
        '"docker login" requires at most 1 argument.\nSee \'docker login --help\'.\n\nUsage:  docker login [OPTIONS] [SERVER]\n\nAuthenticate to a registry\n',
      ],
    ];
    for (const [line, err] of cases) {
      const r = await sh(w, line);
      expect(r.stderr, line).toBe(err);
      expect(r.exitCode, line).toBe(1);
    }
  });

  it('flag errors of the prune commands and events name the path typed', async () => {
    const w = await world([]);
    for (const line of [
      'docker image prune --filter bogus',
      'docker volume prune --filter bogus',
      'docker network prune --filter bogus',
      'docker system prune --filter bogus',
      'docker system events --filter bogus',
    ]) {
      const r = await sh(w, line);
      const path = line.split(' --')[0];
      expect(r.stderr, line).toMatch(new RegExp(`\nSee '${path} --help'.\n$`));
      expect(r.exitCode, line).toBe(125);
    }
  });
});
