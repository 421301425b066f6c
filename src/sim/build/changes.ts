/**
 * `--change` of `docker import` and `docker commit`: Dockerfile instructions applied to an
 * image config, as moby@v27.3.1:builder/dockerfile/builder.go BuildFromConfig does (only the
 * instructions in validCommitCommands; "%s is not a valid change command" names the
 * instruction in lower case, as the BuildKit parser's node.Value holds it). WORKDIR only sets
 * the config (disableCommit: no layer), relative to the previous one.
 */
import type { RunConfig } from '../image/image.ts';
import { parseDockerfile } from './dockerfile.ts';
import { applyMetadata, type StageState } from './steps.ts';

const VALID = new Set(['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir']);

/** The config after the changes, or the daemon's error message. */
export function applyChanges(base: RunConfig, changes: readonly string[]): RunConfig | { error: string } {
  if (changes.length === 0) return base;
  for (const c of changes) {
    const kw = /^\s*(\S+)/.exec(c)?.[1]?.toLowerCase();
    if (kw && !VALID.has(kw)) return { error: `${kw} is not a valid change command` };
  }
  let parsed;
  try {
    parsed = parseDockerfile(`FROM scratch\n${changes.join('\n')}\n`);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const st: StageState = { layers: [], history: [], config: structuredClone(base), args: [], key: '', lastCreatedMs: 0, cmdSet: false };
  try {
    for (const ins of parsed.stages[0]?.instructions ?? []) {
      if (ins.keyword === 'WORKDIR') {
        const dir = ins.content.trim();
        st.config.WorkingDir = dir.startsWith('/') ? dir : `${(st.config.WorkingDir || '/').replace(/\/$/, '')}/${dir}`;
        continue;
      }
      applyMetadata(st, ins, new Map(), new Map());
    }
  } catch (e) {
    return { error: (e as Error).message };
  }
  return st.config;
}
