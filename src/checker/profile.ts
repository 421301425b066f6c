/**
 * Profiles say which rules run and how severe they are; the rules themselves carry
 * their messages (polaris keeps severities in default.yaml the same way).
 */
import { ALL_RULES } from './rules/index.ts';
import type { Severity } from './types.ts';

export type ProfileName = 'baseline' | 'restricted' | 'course';
export const PROFILE_NAMES: ProfileName[] = ['baseline', 'restricted', 'course'];

export type Profile = Record<string, Severity | 'off'>;

function build(pick: (id: string, category: string) => Severity | 'off' | 'default'): Profile {
  const out: Profile = {};
  for (const r of ALL_RULES) {
    const s = pick(r.id, r.category);
    out[r.id] = s === 'default' ? r.severity : s;
  }
  return out;
}

const always = (id: string, category: string): Severity | 'off' | 'default' | null => {
  if (id === 'k8s-unknown-field' || id === 'image-valid') return 'default';
  if (category === 'dockerfile' || category === 'cross-file') return 'default';
  return null;
};

export const PROFILES: Record<ProfileName, Profile> = {
  /** Pod Security Standards baseline (plus the schema and Dockerfile rules, which PSS does not cover). */
  baseline: build((id, cat) => always(id, cat) ?? (cat === 'pss-baseline' ? 'error' : 'off')),
  /** Pod Security Standards restricted = baseline + restricted controls. */
  restricted: build((id, cat) => always(id, cat) ?? (cat === 'pss-baseline' || cat === 'pss-restricted' ? 'error' : 'off')),
  /** The course's best practice: PSS baseline as errors and the course rules at their own severities. */
  course: build((id, cat) => always(id, cat) ?? (cat === 'pss-baseline' ? 'error' : cat === 'pss-restricted' ? 'off' : 'default')),
};
