import { ORG_ROLES, PLATFORM_ROLES } from '../api/types.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Option } from '../components/fields.tsx';
import { CONTACT_KINDS, type Labelled } from './reference.ts';

export const referenceOptions = (list: readonly Labelled[], locale: Locale): Option[] =>
  list.map((item) => ({ value: item.code, label: item[locale] }));

export const localeOptions = (t: Translate): Option[] => [
  { value: 'ja', label: t('locale.ja') },
  { value: 'en', label: t('locale.en') },
];

export const platformRoleOptions = (t: Translate): Option[] =>
  PLATFORM_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

export const orgRoleOptions = (t: Translate): Option[] =>
  ORG_ROLES.map((role) => ({ value: role, label: t(`orgRole.${role}`) }));

export const orgStatusOptions = (t: Translate): Option[] =>
  (['pending', 'active', 'suspended'] as const).map((status) => ({ value: status, label: t(`orgStatus.${status}`) }));

export const contactKindOptions = (t: Translate): Option[] =>
  CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`contactKind.${kind}`) }));

/** Label of a platform or org role code, falling back to the code for roles this UI does not know. */
export function roleLabel(t: Translate, role: string): string {
  if ((PLATFORM_ROLES as readonly string[]).includes(role)) return t(`role.${role}` as `role.${(typeof PLATFORM_ROLES)[number]}`);
  if ((ORG_ROLES as readonly string[]).includes(role)) return t(`orgRole.${role}` as `orgRole.${(typeof ORG_ROLES)[number]}`);
  return role;
}
