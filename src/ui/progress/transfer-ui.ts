/**
 * The workspace's "Export" and "Import" buttons (src/components/Workspace.astro): what they
 * do once pressed. Loaded at the first press, not with the page (issue #14's reading-page
 * budget); the backup format itself is transfer.ts.
 */
import { fill } from '../exercise/text.ts';
import { downloadText } from '../exercise/download.ts';
import type { StorageProblem } from './store.ts';
import { backupFileName, createBackup, MAX_BACKUP_BYTES, parseBackup, restoreBackup } from './transfer.ts';

export interface TransferUi {
  strings: Record<string, string>;
  /** Shows a storage problem in the workspace's notice. */
  showProblem(problem: StorageProblem): void;
  /** Says how the import went, in the workspace's status line. */
  status(text: string): void;
}

export function exportProgress(ui: TransferUi): void {
  try {
    downloadText(backupFileName(), JSON.stringify(createBackup(), null, 2));
  } catch {
    // Blocked storage cannot even be read: say so instead of failing silently.
    ui.showProblem('unavailable');
  }
}

export async function importProgress(input: HTMLInputElement, ui: TransferUi): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const fail = (reason: string) => ui.status(fill(ui.strings['cc.progress.importFailed'] ?? '', { reason }));
  const s = (key: string, vars?: Record<string, string | number>) => fill(ui.strings[key] ?? key, vars);
  // A file far larger than any export is refused before it is read into memory.
  if (file.size > MAX_BACKUP_BYTES) return fail(s('cc.progress.reason.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1) }));
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  const parsed = parseBackup(text, file.size);
  if ('error' in parsed) {
    const e = parsed.error;
    if (e.code === 'too-large') return fail(s('cc.progress.reason.tooLarge', { size: (e.bytes / 1024 / 1024).toFixed(1) }));
    if (e.code === 'bad-progress') return fail(s('cc.progress.reason.badProgressAt', { detail: e.detail }));
    const reasons: Record<string, string> = { 'not-json': 'notJson', 'not-backup': 'notBackup', 'bad-terminal': 'badTerminal', storage: 'storage' };
    return fail(s(`cc.progress.reason.${reasons[e.code]}`));
  }
  if (!confirm(ui.strings['cc.progress.importConfirm'] ?? '')) return;
  let error;
  try {
    error = restoreBackup(parsed.backup);
  } catch {
    error = { code: 'storage' as const, problem: 'unavailable' as const };
  }
  if (error) return fail(s('cc.progress.reason.storage'));
  ui.status(ui.strings['cc.progress.imported'] ?? '');
  setTimeout(() => location.reload(), 600);
}
