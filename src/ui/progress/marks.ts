/**
 * Progress marks next to lesson links (sidebar and lesson lists), and the visit
 * record for the lesson on screen. Runs on every page; reads only localStorage.
 */
import { lessonState, PROGRESS_EVENT, PROGRESS_KEY, readProgress, updateProgress } from './store.ts';

interface LessonMeta {
  [lesson: string]: string[];
}

const LABELS: Record<string, Record<'done' | 'visited' | 'new', string>> = {
  en: { done: 'done', visited: 'visited', new: 'not started' },
  zh: { done: '已完成', visited: '已访问', new: '未开始' },
};

function lessonOf(href: string): string | null {
  const m = /^\/(?:zh-cn\/)?(lessons\/[^/]+)\/?$/.exec(new URL(href, location.href).pathname);
  return m ? m[1] : null;
}

export function renderMarks(): void {
  const meta = JSON.parse(document.getElementById('cc-lessons')?.textContent ?? '{}') as LessonMeta;
  const { progress } = readProgress();
  const labels = LABELS[document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'];
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href], a[data-cc-lesson]')) {
    const lesson = a.dataset.ccLesson ?? lessonOf(a.getAttribute('href') ?? '');
    if (!lesson || !(lesson in meta)) continue;
    const state = lessonState(progress, lesson, meta[lesson]);
    let mark = a.querySelector<HTMLElement>('.cc-mark');
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'cc-mark';
      a.prepend(mark);
    }
    mark.dataset.state = state;
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', labels[state]);
    mark.title = labels[state];
  }
}

/** Records the first visit of the lesson on screen (once: a write re-renders the marks). */
function recordVisit(): void {
  const current = lessonOf(location.pathname);
  if (!current) return;
  const { progress, problem } = readProgress();
  if (problem || progress.visited[current]) return;
  updateProgress((p) => void (p.visited[current] ??= new Date().toISOString()));
}

recordVisit();
renderMarks();
addEventListener(PROGRESS_EVENT, () => renderMarks());
addEventListener('storage', (e) => {
  if (e.key === PROGRESS_KEY) renderMarks();
});
