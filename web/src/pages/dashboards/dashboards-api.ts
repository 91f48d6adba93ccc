// The dashboards as the web UI calls them. The community picture's shape is the server's schema.
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client.ts';
import type { CommunityPicture as CommunityPictureSchema } from '../../../../src/modules/dashboards/dashboards.schema.ts';

export type CommunityPicture = Static<typeof CommunityPictureSchema>;
export type Series = CommunityPicture['incidents']['byCategory'];

type Text = { ja: string; en: string };
interface Sla { dueAt: string; respondedAt: string | null; remainingMs: number | null; overdue: boolean }

/** A block another feature adds to a home page (mutual aid, issue 5), rendered as it comes. */
export interface HomeSection {
  id: string;
  title: Text;
  count?: number;
  items: Array<{ label: string; href?: string; detail?: string }>;
}

export interface MemberHome {
  since: string | null;
  openReports: Array<{
    id: string; orgId: string; state: string; category: string; submittedAt: string | null; sla: Sla | null;
    deadlines: Array<{ key: string; label: Text; regimeName: Text; dueAt: string; overdue: boolean }>;
    /** The help asked with this case, if any: a case stays here until it is closed, whatever was published from it. */
    help: { requestId: string; status: string; unread: number } | null;
  }>;
  drafts: Array<{ id: string; orgId: string; category: string; updatedAt: string }>;
  advisories: { newCount: number; items: Array<{ id: string; refId: string; stixId: string; titleJa: string; titleEn: string; createdAt: string; isNew: boolean }> };
  sightings: Array<{ indicatorId: string; name: string | null; orgId: string; count: number; updatedAt: string }>;
  sections: HomeSection[];
}

export interface CoordinatorHome {
  slaHours: number;
  triage: { count: number; complete: boolean; overdue: number; items: Array<{ id: string; orgName: Text; category: string; submittedAt: string | null; sla: Sla | null }> };
  reviews: { count: number; items: Array<{ id: string; orgName: Text; state: string; category: string; undecided: number; updatedAt: string }> };
  campaigns: { count: number; complete: boolean; items: Array<{ size: number; valueCount: number; values: Array<{ type: string; value: string }> }> };
  overCorrelated: { count: number; maxLinks: number; items: Array<{ type: string; value: string; sourceCount: number }> };
  publications: { last30Days: number; byTlp: Record<string, number>; items: Array<{ id: string; stixReportId: string; titleJa: string; titleEn: string; tlp: string; publishedAt: string }> };
  sections: HomeSection[];
}

export interface ResponderHome {
  advisories: Array<{ id: string; title: Text; summary: string; published: string | null }>;
  sections: HomeSection[];
}

export const dashboardsApi = {
  member: () => api.get<MemberHome>('/api/dashboards/member'),
  coordinator: () => api.get<CoordinatorHome>('/api/dashboards/coordinator'),
  responder: () => api.get<ResponderHome>('/api/dashboards/responder'),
  community: (months: number) => api.get<CommunityPicture>('/api/dashboards/community', { months }),
};

export const monthlyReportUrl = (month: string, lang: 'ja' | 'en') => `/api/dashboards/monthly-report.pdf?month=${encodeURIComponent(month)}&lang=${lang}`;

type Group = Series['groups'][number];

/** The monthly report's content (what the PDF shows). */
export interface MonthlyReport {
  month: string;
  community: {
    k: number;
    members: { count: number | null; lessThanK: boolean };
    incidents: Group;
    advisories: Group | undefined;
    firstResponse: { medianHours: number | null; lessThanK: boolean };
    topSighted: CommunityPicture['topSighted'];
  };
  orgs: Array<{
    orgId: string; name: string; reports: number; byCategory: Array<{ key: string; count: number }>; medianFirstResponseHours: number | null;
    advisories: Array<{ title: string; at: string }>; sightings: number;
  }>;
}

export const monthlyReportApi = (month: string, lang: 'ja' | 'en') => api.get<MonthlyReport>('/api/dashboards/monthly-report', { month, lang });
