// Saved as they type: the report draft is created on the first input, then saved a moment after each change; every
// change is also kept in this browser at once (local-draft.ts). Saves run one after another, so the server never gets
// an older text after a newer one and a draft is never created twice.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { emptyAnswers, reportsApi } from './reports-api.ts';
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type QuickDraft } from './local-draft.ts';

const SAVE_DELAY_MS = 800;

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface AutosavedReport {
  draft: QuickDraft;
  /** True when the form was brought back from this browser's copy. */
  restored: boolean;
  state: SaveState;
  savedAt: string | null;
  error: unknown;
  update: (next: QuickDraft) => void;
  /** Saves the latest content now (after any save under way) and gives the draft's id. */
  saveNow: () => Promise<string>;
  /** Holds background saves while the report is being sent (a save after submitting would start a new draft). */
  hold: (on: boolean) => void;
  /** Forgets this browser's copy (after sending). */
  forget: () => void;
}

/** `prefill`: a new report's starting content (from a notice); it is saved once the member changes it or sends it. */
export function useAutosavedReport(userId: string, defaultOrgId: string, prefill: QuickDraft | null = null): AutosavedReport {
  const [stored] = useState(() => (prefill ? null : readLocalDraft(userId)));
  const [draft, setDraft] = useState<QuickDraft>(() => prefill ?? stored?.draft ?? { orgId: defaultOrgId, text: '', answers: emptyAnswers(), categoryChosen: false, files: [] });
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reportId = useRef<string | null>(stored?.id ?? null);
  const latest = useRef(draft);
  // Changes made and changes the server has: a restored copy may be ahead of the server.
  const edits = useRef(stored ? 1 : 0);
  const savedEdit = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const held = useRef(false);

  const saveNow = useCallback((): Promise<string> => {
    const run = async (): Promise<string> => {
      const edit = edits.current;
      const current = latest.current;
      const body = { text: current.text, answers: current.answers };
      if (reportId.current) {
        try {
          await reportsApi.saveDraft(reportId.current, body);
        } catch (e) {
          // The draft is gone or no longer a draft (sent from another tab): start a new one with what is here.
          if (e instanceof ApiError && (e.status === 404 || e.code === 'report_not_draft')) reportId.current = null;
          else throw e;
        }
      }
      if (!reportId.current) reportId.current = (await reportsApi.create(current.orgId, body)).id;
      writeLocalDraft(userId, { id: reportId.current, draft: latest.current });
      savedEdit.current = Math.max(savedEdit.current, edit);
      return reportId.current;
    };
    const next = queue.current.then(run);
    queue.current = next.catch(() => undefined);
    return next;
  }, [userId]);

  const saveInBackground = useCallback(() => {
    if (held.current || edits.current === savedEdit.current) return;
    setState('saving');
    saveNow().then(
      () => {
        if (edits.current !== savedEdit.current) return; // more typed meanwhile: the next save reports
        setState('saved');
        setSavedAt(new Date().toISOString());
        setError(null);
      },
      (e: unknown) => {
        setState('failed');
        setError(e);
      },
    );
  }, [saveNow]);

  const update = useCallback((next: QuickDraft) => {
    if (next.orgId !== latest.current.orgId) reportId.current = null; // another organisation's report is another draft
    latest.current = next;
    edits.current += 1;
    writeLocalDraft(userId, { id: reportId.current, draft: next });
    setDraft(next);
  }, [userId]);

  // The first input creates the draft at once; later changes are saved when the typing pauses.
  useEffect(() => {
    if (edits.current === savedEdit.current) return undefined;
    const timer = window.setTimeout(saveInBackground, reportId.current ? SAVE_DELAY_MS : 0);
    return () => window.clearTimeout(timer);
  }, [draft, saveInBackground]);

  // Back online: save what was typed meanwhile.
  useEffect(() => {
    window.addEventListener('online', saveInBackground);
    return () => window.removeEventListener('online', saveInBackground);
  }, [saveInBackground]);

  const hold = useCallback((on: boolean) => {
    held.current = on;
    if (!on) saveInBackground(); // what was typed meanwhile
  }, [saveInBackground]);

  const forget = useCallback(() => {
    edits.current = savedEdit.current;
    clearLocalDraft(userId);
  }, [userId]);

  return { draft, restored: stored !== null, state, savedAt, error, update, saveNow, hold, forget };
}
