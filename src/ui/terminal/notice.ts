/**
 * The terminal's notice about the same lesson's terminal in another tab (session.ts
 * SessionNotice): what happened, and on a conflict the learner's choice. Loaded with the
 * session (element.ts), never with the page.
 */
import type { SessionNotice, TerminalSession } from './session.ts';

export interface NoticeStrings {
  conflict: string;
  useTheirs: string;
  keepMine: string;
  kept: string;
  updated: string;
}

export function showNotice(box: HTMLElement, kind: SessionNotice, strings: NoticeStrings, session: () => TerminalSession | null): void {
  box.replaceChildren();
  box.hidden = kind === null;
  if (kind === null) return;
  const text = document.createElement('p');
  text.textContent = strings[kind];
  box.append(text);
  if (kind !== 'conflict') return;
  const button = (action: string, label: string, run: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'cc-btn';
    b.dataset.action = action;
    b.textContent = label;
    b.addEventListener('click', run);
    return b;
  };
  const row = document.createElement('div');
  row.className = 'cc-term__notice-actions';
  row.append(
    button('use-theirs', strings.useTheirs, () => void session()?.useStored()),
    button('keep-mine', strings.keepMine, () => session()?.keepMine()),
  );
  box.append(row);
}
