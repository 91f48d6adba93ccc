// Types and calls of the reports API.
import { ApiError, api, sessionHeaders } from '../../api/client.ts';

export type YesNo = 'yes' | 'no' | 'unknown';
export type Impact = 'none' | 'low' | 'high' | 'unknown';

export { INCIDENT_CATEGORIES } from '../../../../src/vocabulary/incident-categories.ts';
export const FOUND_BY = ['own_staff', 'monitoring_vendor', 'customer', 'police', 'provider', 'other', 'unknown'] as const;
export const IMPACTS = ['none', 'low', 'high', 'unknown'] as const;
export const YES_NO = ['yes', 'no', 'unknown'] as const;
export const STATES = ['draft', 'submitted', 'triage', 'in_progress', 'closed'] as const;
export const OUTCOMES = ['resolved', 'false_positive', 'duplicate', 'no_action', 'referred'] as const;

export interface Answers {
  startedAt: string | null;
  noticedAt: string | null;
  foundBy: string;
  foundByOther: string;
  category: string;
  affectedSystems: string;
  impact: { confidentiality: Impact; integrity: Impact; availability: Impact };
  personalData: { involved: YesNo; count: number | null; sensitive: YesNo; financialRisk: YesNo; unauthorisedAccess: YesNo };
  ransom: { demanded: YesNo; details: string };
  businessImpact: string;
  /** Is it still happening? */
  ongoing: YesNo;
  /** Help now: yes makes the submission ask for help too, on site when onSite is yes. */
  help: { wanted: YesNo; what: string; onSite: YesNo };
  sharing: { nameConsent: YesNo };
}

export const emptyAnswers = (): Answers => ({
  startedAt: null, noticedAt: null, foundBy: 'unknown', foundByOther: '', category: 'unknown', affectedSystems: '',
  impact: { confidentiality: 'unknown', integrity: 'unknown', availability: 'unknown' },
  personalData: { involved: 'unknown', count: null, sensitive: 'unknown', financialRisk: 'unknown', unauthorisedAccess: 'unknown' },
  ransom: { demanded: 'unknown', details: '' }, businessImpact: '', ongoing: 'unknown', help: { wanted: 'unknown', what: '', onSite: 'unknown' },
  sharing: { nameConsent: 'unknown' },
});

export interface Sla { dueAt: string; respondedAt: string | null; remainingMs: number | null; overdue: boolean }
export interface Person { id: string; displayName: string }
export interface Text { ja: string; en: string }

export interface ReportSummary {
  id: string; orgId: string; orgName: Text; state: string; outcome: string | null; category: string;
  assignee: Person | null; createdAt: string; updatedAt: string; submittedAt: string | null; version: number; sla: Sla | null;
}

export interface Deadline { key: string; label: Text; regimeName: Text; dueAt: string; latestAt: string | null; remainingMs: number }
export interface Indicator { type: string; value: string; source: string }
export interface Attachment { id: string; filename: string; kind: string; size: number; sha256: string; sha1: string; md5: string; indicators: Indicator[]; createdAt: string }
export interface TimelineEntry { id: string; at: string; kind: string; internal: boolean; body: string | null; actorName: string; details: Record<string, unknown> }
export interface Version { version: number; kind: string; note: string; text: string; answers: Answers; createdAt: string; createdBy: string }

export interface ReportDetail {
  id: string; orgId: string; orgName: Text; state: string; outcome: string | null; category: string; assignee: Person | null;
  createdAt: string; updatedAt: string; submittedAt: string | null; publishedAt: string | null; awareAt: string;
  draft: { text: string; answers: Answers } | null;
  versions: Version[]; attachments: Attachment[]; timeline: TimelineEntry[]; deadlines: Deadline[]; sla: Sla | null;
  canWrite: boolean; canTriage: boolean; limits: { attachmentMaxBytes: number };
}

export interface ReportDraft { text: string; answers: Answers }

export const reportsApi = {
  list: (state = '') => api.get<{ slaHours: number; items: ReportSummary[] }>('/api/reports', { state }),
  get: (id: string) => api.get<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`),
  create: (orgId: string, draft: ReportDraft) => api.post<{ id: string }>('/api/reports', { orgId, ...draft }),
  saveDraft: (id: string, draft: ReportDraft) => api.put<void>(`/api/reports/${encodeURIComponent(id)}/draft`, draft),
  submit: (id: string) => api.post<void>(`/api/reports/${encodeURIComponent(id)}/submit`),
  amend: (id: string, draft: ReportDraft & { note: string }) => api.post<void>(`/api/reports/${encodeURIComponent(id)}/amendments`, draft),
  comment: (id: string, body: string, internal: boolean) => api.post<void>(`/api/reports/${encodeURIComponent(id)}/comments`, { body, internal }),
  state: (id: string, state: string, outcome?: string) => api.post<void>(`/api/reports/${encodeURIComponent(id)}/state`, outcome ? { state, outcome } : { state }),
  assign: (id: string, assigneeId: string | null) => api.put<void>(`/api/reports/${encodeURIComponent(id)}/assignee`, { assigneeId }),
  assignees: () => api.get<{ items: Person[] }>('/api/reports/assignees'),
  attachmentUrl: (id: string, attachmentId: string) => `/api/reports/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};

/** Uploads a file as raw bytes (the JSON client does not send files). */
export async function uploadAttachment(id: string, file: File, sample: boolean): Promise<Attachment> {
  const url = `/api/reports/${encodeURIComponent(id)}/attachments?filename=${encodeURIComponent(file.name)}&sample=${sample}`;
  const headers = { ...sessionHeaders(), 'Content-Type': 'application/octet-stream', Accept: 'application/json' };
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  const body = (await response.json().catch(() => ({}))) as Attachment & { error?: { code: string; message: string } };
  if (!response.ok) throw new ApiError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? '');
  return body;
}

/** "2 d 3 h" / "4 h 10 min" for a duration in ms (sign ignored). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
