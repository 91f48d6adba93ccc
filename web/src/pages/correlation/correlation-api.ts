// Correlation and sightings as the web UI calls them. The shapes are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client.ts';
import type {
  CampaignList as CampaignListSchema, LookupResult as LookupResultSchema, ObjectCorrelation as ObjectCorrelationSchema,
  OverCorrelatedList as OverCorrelatedListSchema, Standing as StandingSchema,
} from '../../../../src/modules/correlation/correlation.schema.ts';

export type ObjectCorrelation = Static<typeof ObjectCorrelationSchema>;
export type Standing = Static<typeof StandingSchema>;
export type LookupResult = Static<typeof LookupResultSchema>;
export type CampaignList = Static<typeof CampaignListSchema>;
export type OverCorrelatedList = Static<typeof OverCorrelatedListSchema>;
export type SourceRef = ObjectCorrelation['links'][number];

export interface SightingInput {
  indicatorId: string;
  orgId?: string;
  firstSeen?: string;
  lastSeen?: string;
  count?: number;
}

const path = (id: string) => encodeURIComponent(id);

export const correlationApi = {
  object: (id: string) => api.get<ObjectCorrelation>(`/api/correlation/objects/${path(id)}`),
  lookup: (value: string) => api.get<LookupResult>('/api/correlation/lookup', { value }),
  campaigns: () => api.get<CampaignList>('/api/correlation/campaigns'),
  overCorrelated: () => api.get<OverCorrelatedList>('/api/correlation/over-correlated'),
  sight: (input: SightingInput) => api.post<Standing>('/api/sightings', input),
};
