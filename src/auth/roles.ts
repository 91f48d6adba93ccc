export const PLATFORM_ROLES = ['administrator', 'coordinator', 'responder', 'auditor'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const ORG_ROLES = ['member', 'org_admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
