// The member's unsent report kept in this browser: a reload or a lost connection brings the form back as it was.
// One copy per user, so a shared device never shows one person's draft to another.
import { emptyAnswers, type Answers } from './reports-api.ts';

export interface QuickDraft {
  orgId: string;
  text: string;
  answers: Answers;
  /** Whether the member chose a category ("not sure" is a choice too); until then none is shown as chosen. */
  categoryChosen: boolean;
  /** Names of the files chosen (the browser cannot keep the files themselves across a reload). */
  files: string[];
}

export interface LocalDraft {
  /** The server's draft, once created. */
  id: string | null;
  draft: QuickDraft;
}

const keyOf = (userId: string) => `anshin.reportDraft.${userId}`;

export function readLocalDraft(userId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId));
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<LocalDraft> & { draft?: Partial<QuickDraft> };
    const d = stored.draft;
    if (!d || typeof d.orgId !== 'string' || typeof d.text !== 'string') return null;
    const base = emptyAnswers();
    const answers = { ...base, ...d.answers, help: { ...base.help, ...d.answers?.help } };
    return { id: typeof stored.id === 'string' ? stored.id : null, draft: { orgId: d.orgId, text: d.text, answers, categoryChosen: d.categoryChosen === true, files: Array.isArray(d.files) ? d.files.map(String) : [] } };
  } catch {
    return null; // unreadable or unavailable storage: start afresh
  }
}

export function writeLocalDraft(userId: string, value: LocalDraft): void {
  try {
    window.localStorage.setItem(keyOf(userId), JSON.stringify(value));
  } catch {
    // storage full or disabled: the server copy still saves
  }
}

export function clearLocalDraft(userId: string): void {
  try {
    window.localStorage.removeItem(keyOf(userId));
  } catch {
    // nothing to clear
  }
}
