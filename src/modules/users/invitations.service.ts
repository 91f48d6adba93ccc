import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import { createLink, linkUrl, type InvitePayload } from '../../auth/links.service.js';
import type { Locale, OrgRole, PlatformRole } from '../../auth/roles.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { renderMail } from '../../i18n/mail-templates.js';
import { OPERATOR_NAME } from '../../i18n/messages.js';
import { recordAudit } from '../audit/audit.service.js';
import { queueMail } from '../mail/mail.service.js';
import { findUserByEmail, findUserById, orgExists } from './users.repository.js';

export interface InvitationInput {
  email: string;
  locale: Locale;
  orgId?: string | undefined;
  orgRole?: OrgRole | undefined;
  platformRoles?: PlatformRole[] | undefined;
}

export interface Invitation {
  id: string;
  email: string;
  expiresAt: string;
  link: string;
}

type InvitationDeps = Pick<AppDeps, 'config' | 'mailer'>;

export async function inviteUser(db: Database, deps: InvitationDeps, ctx: RequestContext, input: InvitationInput) {
  const actor = authorizeInvitation(ctx, input);
  // Administrators may learn that an address is registered; an org admin must not learn it about
  // someone in another organisation, so their invitation goes out and its acceptance fails instead.
  const invitation = await createInvitation(db, deps, ctx, input, { rejectRegistered: can(actor, 'user.invite') });
  // The link goes only to the invitee's mailbox, never back to the inviter.
  return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt };
}

// Administrators invite anyone with any roles; an org admin only into their own organisation, without platform roles.
function authorizeInvitation(ctx: RequestContext, input: InvitationInput): UserActor {
  const { orgId, platformRoles = [] } = input;
  if (can(ctx.actor, 'user.invite') || orgId === undefined || platformRoles.length > 0) {
    return requireAccess({ actor: ctx.actor, permission: 'user.invite' });
  }
  return requireAccess({ actor: ctx.actor, permission: 'org.members.manage', ids: [orgId] });
}

// Also used by the CLI (`anshin user invite`), which prints the link as well.
export async function createInvitation(
  db: Database,
  deps: InvitationDeps,
  ctx: RequestContext,
  input: InvitationInput,
  options: { rejectRegistered: boolean },
): Promise<Invitation> {
  if (input.orgRole !== undefined && input.orgId === undefined) throw new AppError('validation_failed', { detail: 'orgRole requires orgId' });
  const email = input.email.trim().toLowerCase();
  const payload: InvitePayload = {
    platformRoles: [...new Set(input.platformRoles ?? [])].sort(),
    orgId: input.orgId ?? null,
    orgRole: input.orgId === undefined ? null : (input.orgRole ?? 'member'),
  };
  const invitation = await db.transaction().execute(async (trx) => {
    if (payload.orgId && !(await orgExists(trx, payload.orgId))) throw new AppError('not_found');
    if (options.rejectRegistered && (await findUserByEmail(trx, email))) throw new AppError('email_taken');
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const ttlHours = deps.config.linkTtlHours;
    const link = await createLink(trx, { kind: 'invite', email, userId: null, payload, createdBy, ttlHours });
    const url = linkUrl(deps.config.baseUrl, 'invite', link.token);
    const inviter = await inviterName(trx, ctx, input.locale);
    await queueMail(trx, { to: email, ...renderMail('invite', input.locale, { inviter, link: url, hours: ttlHours }) });
    await recordAudit(trx, ctx, {
      action: 'user.invited',
      orgId: payload.orgId ?? null,
      targetType: 'invitation',
      targetId: link.id,
      details: { email, platformRoles: payload.platformRoles, orgRole: payload.orgRole },
    });
    return { id: link.id, email, expiresAt: link.expiresAt, link: url };
  });
  await deps.mailer.flush(db);
  return invitation;
}

async function inviterName(db: Database, ctx: RequestContext, locale: Locale): Promise<string> {
  if (ctx.actor.kind !== 'user') return OPERATOR_NAME[locale];
  const user = await findUserById(db, ctx.actor.userId);
  return user?.display_name ?? ctx.actor.email;
}
