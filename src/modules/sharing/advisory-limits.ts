// Bounds and vocabularies of advisories, shared by the server's schemas and the web UI. Pure data.
export const INDICATOR_KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const ADVISORY_LIMITS = { title: 200, summary: 20_000, indicators: 1000, names: 100, name: 200 } as const;
export const MAX_AUDIENCE_ORGS = 1000;
