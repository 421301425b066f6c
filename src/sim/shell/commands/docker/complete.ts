/**
 * Tab completion of docker command lines, from the registry: the subcommands of docker and of
 * each group, the flags of a subcommand, container names where its Use expects a CONTAINER and
 * image names where it expects an IMAGE (kit: no subcommand here).
 */
import type { Daemon } from '../../../docker/daemon.ts';
import { familiarKey } from '../../../image/store.ts';
import { nameOf, type DockerCommand } from './define.ts';
import { COMMANDS, DOCKER_SUBCOMMANDS, findGroup, findSub, groupWords, GROUPS, type Entry, type Group } from './registry.ts';

type Kind = 'container' | 'image' | 'other';

/** What the nth argument of a Use line names: `stop [OPTIONS] CONTAINER [CONTAINER...]` → container for every n. */
export function argKind(use: string, n: number): Kind {
  const words = use
    .split(/\s+/)
    .slice(1)
    .filter((w) => w !== '[OPTIONS]');
  const at = words[Math.min(n, words.length - 1)];
  if (at === undefined) return 'other';
  const word = at.replace(/^\[|\]$/g, '');
  if (/^CONTAINER(\.\.\.|:|$)/.test(word) || /^NAME\|ID/.test(word)) return 'container';
  if (/^(IMAGE|SOURCE_IMAGE|NAME\[:TAG)/.test(word)) return 'image';
  return 'other';
}

/** The words after the command that are arguments (not flags, not the value of a flag). */
function argsBefore(def: DockerCommand, words: string[]): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('-') && w.length > 1) {
      const name = w.startsWith('--') ? w.slice(2) : w.slice(-1);
      const f = def.flags.find((x) => (w.startsWith('--') ? x.long === name : x.short === name));
      if (f && f.type !== 'bool' && !w.includes('=')) i++;
      continue;
    }
    n++;
  }
  return n;
}

/**
 * The candidates for the last word of `words` (words[0] is `docker`), or undefined when the
 * shell's own completion (paths) should answer.
 */
export async function completeDocker(words: string[], daemon: Daemon): Promise<string[] | undefined> {
  if (words.length === 2) return [...DOCKER_SUBCOMMANDS];
  const sub = words[1] as string;
  let entry: Entry | undefined;
  let from = 2;
  let group: Group | undefined = Object.hasOwn(GROUPS, sub) ? GROUPS[sub] : undefined;
  // Down the groups inside groups (`docker trust key <Tab>`).
  while (group) {
    if (words.length === from + 1) return groupWords(group);
    const inner = findGroup(group, words[from] as string);
    if (!inner) break;
    group = inner;
    from++;
  }
  if (group) {
    entry = findSub(group, words[from] as string)?.[1];
    from++;
  } else if (Object.hasOwn(COMMANDS, sub)) entry = COMMANDS[sub];
  if (!entry) return undefined;
  const def = (await entry.load()).default;
  const word = words[words.length - 1] as string;
  if (word.startsWith('-')) return def.flags.filter((f) => !f.hidden && f.sim !== false).map((f) => `--${f.long}`);
  const before = words.slice(from, -1);
  // Past the image of run/create/exec (SetInterspersed(false)), the words belong to the container's command.
  const kind = argKind(`${nameOf(def)} ${(entry.use ?? def.use).split(/\s+/).slice(1).join(' ')}`, argsBefore(def, before));
  if (kind === 'container') return [...daemon.containers.values()].map((c) => c.name);
  if (kind === 'image') {
    const lib = await daemon.imageLib();
    // As `docker images` names them (familiar: alpine:latest, not docker.io/library/alpine:latest).
    return [...new Set(lib.store.all().flatMap((li) => [...li.tags].map(familiarKey)))];
  }
  return undefined;
}
