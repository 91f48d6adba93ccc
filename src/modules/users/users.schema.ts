import { Type } from '@sinclair/typebox';
import { ORG_ROLES, PLATFORM_ROLES } from '../../auth/roles.js';
import { Email, IdParams, Locale, NullableTimestamp, Timestamp } from '../../http/schemas.js';

export const PlatformRole = Type.Union(PLATFORM_ROLES.map((role) => Type.Literal(role)));
export const OrgRole = Type.Union(ORG_ROLES.map((role) => Type.Literal(role)));
export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const PlatformRoles = Type.Array(PlatformRole, { maxItems: PLATFORM_ROLES.length, uniqueItems: true });

export const UserListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });

const summaryFields = {
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  status: UserStatus,
  platformRoles: Type.Array(PlatformRole),
  createdAt: Timestamp,
};
export const UserSummary = Type.Object(summaryFields);
export const UserList = Type.Object({ items: Type.Array(UserSummary) });

export const UserDetail = Type.Object({
  ...summaryFields,
  memberships: Type.Array(Type.Object({ orgId: Type.String(), orgNameJa: Type.String(), orgNameEn: Type.String(), role: OrgRole })),
  totpEnabled: Type.Boolean(),
  lockedUntil: NullableTimestamp,
});

export const UserPatchBody = Type.Object(
  { displayName: Type.Optional(DisplayName), status: Type.Optional(UserStatus), platformRoles: Type.Optional(PlatformRoles) },
  { additionalProperties: false, minProperties: 1 },
);

export const InvitationBody = Type.Object(
  {
    email: Email,
    locale: Locale,
    orgId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    orgRole: Type.Optional(OrgRole),
    platformRoles: Type.Optional(PlatformRoles),
  },
  { additionalProperties: false, dependencies: { orgRole: ['orgId'] } },
);
export const InvitationResult = Type.Object({ id: Type.String(), email: Type.String(), expiresAt: Timestamp });

export const MemberParams = Type.Object({ ...IdParams.properties, userId: Type.String({ minLength: 1, maxLength: 64 }) });
export const Member = Type.Object({ userId: Type.String(), email: Type.String(), displayName: Type.String(), role: OrgRole, createdAt: Timestamp });
export const MemberList = Type.Object({ items: Type.Array(Member) });
export const MemberRoleBody = Type.Object({ role: OrgRole }, { additionalProperties: false });
