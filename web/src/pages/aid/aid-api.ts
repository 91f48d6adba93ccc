// Types and calls of the mutual-aid API.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export {
  AID_LANGUAGES, DECLINE_REASONS, OUTCOMES, REQUEST_STATUSES, SERVICE_TYPES, SKILLS, URGENCIES,
} from '../../../../src/modules/aid/aid-codes.ts';
export { INCIDENT_CATEGORIES } from '../../../../src/vocabulary/incident-categories.ts';

export interface Text { ja: string; en: string }
export interface Reason { code: string; params?: Record<string, string | number> }

export interface AidSummary {
  id: string; orgId: string | null; orgName: Text | null; status: string; urgency: string; category: string; skills: string[]; onSite: boolean;
  prefecture: string; language: string; createdAt: string; dueAt: string; ackDueAt: string | null; escalatedAt: string | null;
  assignedAt: string | null; acknowledgedAt: string | null; closedAt: string | null; outcome: string | null; hasReport: boolean;
  /** The report it was asked from, for the organisation's members (null for others). */
  reportId?: string | null;
  risk: 'overdue' | 'due_soon' | 'escalated' | null;
}

export interface Profile {
  id: string; userId: string; kind: 'individual' | 'organisation'; orgId: string | null; orgName: Text | null; displayName: string; skills: string[];
  languages: string[]; prefectures: string[]; onSite: boolean; certifications: string[]; capacity: number; available: boolean; hours: string;
  serviceType: 'volunteer' | 'paid'; priceTerms: string; vetting: string; vettedAt: string | null; activeCases: number;
}
export type ProfileInput = Omit<Profile, 'id' | 'userId' | 'orgName' | 'vetting' | 'vettedAt' | 'activeCases'>;

export interface Post { id: string; side: string; author: string; body: string; createdAt: string }
export interface Task { id: string; code: string; text: Text; done: boolean; doneAt: string | null }

export interface AidDetail extends AidSummary {
  side: 'victim' | 'coordinator' | 'responder';
  description: string; rating: number | null; feedback: string | null;
  report: { reportId: string | null; redactedText: string | null; fullAccess: boolean } | null;
  myOffer: { id: string; status: string; score: number; reasons: Reason[] } | null;
  responder?: Profile | null;
  tasks?: Task[];
  messages?: Post[] | null;
  notes?: Post[] | null;
  grants?: Array<{ id: string; responderId: string; grantedAt: string; revokedAt: string | null }>;
  offers?: Array<{ id: string; responderId: string; displayName: string; status: string; score: number; offeredAt: string; answeredAt: string | null; declineReason: string | null; declineText: string | null }>;
}

export interface AidMatch {
  responderId: string; displayName: string; kind: string; serviceType: string; score: number; reasons: Reason[]; activeCases: number; capacity: number;
  reachable: boolean; offer: string | null;
}

export interface RequestInput {
  orgId: string; reportId?: string | null; skills: string[]; urgency: string; onSite: boolean; prefecture: string; language: string; category: string; description: string;
}

export interface AidNotification { id: string; kind: string; requestId: string; params: Record<string, string | number>; createdAt: string; readAt: string | null }

export interface ResponderHome {
  profile: { id: string; displayName: string; vetting: string; available: boolean; capacity: number } | null;
  offers: Array<{ offerId: string; offeredAt: string; score: number; reasons: Reason[]; request: AidSummary }>;
  cases: AidSummary[];
  medianAnswerMinutes: number | null;
  medianAcknowledgeMinutes: number | null;
}

export interface AidMetrics {
  targets: { criticalMinutes: number; highMinutes: number; normalBusinessDays: number };
  byStatus: Record<string, number>;
  times: Array<{ urgency: string; count: number; acknowledgeMinutes: number | null; assignMinutes: number | null; resolveMinutes: number | null }>;
  averageRating: number | null;
  load: Array<{ responderId: string; displayName: string; vetting: string; available: boolean; activeCases: number; capacity: number }>;
  atRisk: AidSummary[];
}

const req = (id: string) => `/api/aid/requests/${encodeURIComponent(id)}`;

export const aidApi = {
  list: (status = '') => api.get<{ items: AidSummary[] }>('/api/aid/requests', { status }),
  create: (input: RequestInput) => api.post<{ id: string }>('/api/aid/requests', input),
  get: (id: string) => api.get<AidDetail>(req(id)),
  cancel: (id: string) => api.post<void>(`${req(id)}/cancel`),
  start: (id: string) => api.post<void>(`${req(id)}/start`),
  close: (id: string, body: { outcome: string; rating?: number; feedback?: string }) => api.post<void>(`${req(id)}/close`, body),
  matches: (id: string) => api.get<{ items: AidMatch[] }>(`${req(id)}/matches`),
  offer: (id: string, responderIds: string[]) => api.post<{ items: AidMatch[] }>(`${req(id)}/offers`, { responderIds }),
  accept: (offerId: string) => api.post<{ requestId: string }>(`/api/aid/offers/${encodeURIComponent(offerId)}/accept`),
  decline: (offerId: string, reason: string, text: string) => api.post<void>(`/api/aid/offers/${encodeURIComponent(offerId)}/decline`, { reason, text }),
  grant: (id: string) => api.post<void>(`${req(id)}/grant`),
  revoke: (id: string) => api.delete(`${req(id)}/grant`),
  fullReport: (id: string) => api.get<{ reportId: string; version: number; text: string }>(`${req(id)}/full-report`),
  task: (id: string, taskId: string, done: boolean) => api.put<void>(`${req(id)}/tasks/${encodeURIComponent(taskId)}`, { done }),
  message: (id: string, body: string) => api.post<void>(`${req(id)}/messages`, { body }),
  note: (id: string, body: string) => api.post<void>(`${req(id)}/notes`, { body }),
  myProfile: () => api.get<{ profile: Profile | null }>('/api/aid/responders/me'),
  saveProfile: (input: ProfileInput) => api.put<{ profile: Profile }>('/api/aid/responders/me', input),
  responders: () => api.get<{ items: Profile[] }>('/api/aid/responders'),
  vet: (id: string, decision: string) => api.post<Profile>(`/api/aid/responders/${encodeURIComponent(id)}/vetting`, { decision }),
  home: () => api.get<ResponderHome>('/api/aid/responder-home'),
  metrics: () => api.get<AidMetrics>('/api/aid/metrics'),
  notifications: () => api.get<{ unread: number; items: AidNotification[] }>('/api/aid/notifications'),
  readNotifications: () => api.post<void>('/api/aid/notifications/read', {}),
};

/** A change to help requests: after it succeeds, every aid query (the case, the lists, the notifications) is refetched. */
export function useAidChange<V = void, R = unknown>(change: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['aid'] }) });
}
