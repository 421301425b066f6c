/** The ordered lesson list of one locale, from the docs collection. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { baseIdOf, localeOf, type Locale } from './content-ids.ts';

export interface LessonLink {
  id: string;
  baseId: string;
  href: string;
  title: string;
  description?: string;
  order: number;
  minutes?: number;
  exercises: string[];
}

export async function lessonsOf(locale: Locale): Promise<LessonLink[]> {
  const entries: CollectionEntry<'docs'>[] = await getCollection('docs', (e) => localeOf(e.id) === locale && baseIdOf(e.id).startsWith('lessons/'));
  return entries
    .map((e) => ({
      id: e.id,
      baseId: baseIdOf(e.id),
      href: `/${e.id}/`,
      title: e.data.title,
      description: e.data.description,
      order: e.data.order ?? Number.MAX_SAFE_INTEGER,
      minutes: e.data.minutes,
      exercises: e.data.exercises,
    }))
    .sort((a, b) => a.order - b.order || a.baseId.localeCompare(b.baseId));
}

/**
 * A page with a terminal scenario or exercises gets the workspace (TwoColumnContent.astro),
 * and with it the Workspace script, which also serves the figures' "Download PNG" buttons.
 */
export function hasWorkspace(data: { scenario?: string; exercises?: string[] }): boolean {
  return Boolean(data.scenario) || (data.exercises?.length ?? 0) > 0;
}
