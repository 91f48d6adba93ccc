import { Type } from '@sinclair/typebox';
import { Email, Locale, Password, Timestamp, NullableTimestamp } from '../http/schemas.js';

export const Me = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    locale: Locale,
    platformRoles: Type.Array(Type.String()),
    memberships: Type.Array(Type.Object({ orgId: Type.String(), orgNameJa: Type.String(), orgNameEn: Type.String(), role: Type.String() })),
    totpEnabled: Type.Boolean(),
    mfaEnrollmentRequired: Type.Boolean(),
  },
  { $id: 'Me' },
);

export const SignedInBody = Type.Object({ user: Type.Ref('Me'), csrfToken: Type.String() });
export const SessionBody = Type.Object({
  authenticated: Type.Boolean(),
  setupRequired: Type.Boolean(),
  publicPage: Type.Boolean({ description: 'whether the public page /public is enabled (PUBLIC_PAGE)' }),
  user: Type.Union([Type.Ref('Me'), Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const LoginBody = Type.Object(
  { email: Email, password: Password, totpCode: Type.Optional(Type.String({ maxLength: 10 })) },
  { additionalProperties: false },
);
export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), email: Email, displayName: DisplayName, password: Password, locale: Locale },
  { additionalProperties: false },
);
export const AcceptInviteBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), displayName: DisplayName, password: Password, locale: Locale },
  { additionalProperties: false },
);
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetCompleteBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);
export const LinkParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
export const LinkBody = Type.Object({
  kind: Type.Union([Type.Literal('setup'), Type.Literal('invite'), Type.Literal('reset')]),
  email: Type.Union([Type.String(), Type.Null()]),
});

export const ProfileBody = Type.Object(
  { displayName: Type.Optional(DisplayName), locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const TotpCodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const TotpDisableBody = Type.Object({ password: Password }, { additionalProperties: false });
export const TotpSetupBody = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });

const Scope = Type.Union([Type.Literal('read'), Type.Literal('write')]);
export const TokenItem = Type.Object(
  { id: Type.String(), name: Type.String(), scopes: Type.Array(Scope), createdAt: Timestamp, expiresAt: Timestamp, lastUsedAt: NullableTimestamp },
  { $id: 'TokenItem' },
);
export const NewTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 2, uniqueItems: true }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
