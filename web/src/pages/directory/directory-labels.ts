import { categoryLabel, type MessageKey, type Translate } from '../../i18n/index.ts';
import { PREFECTURES, labelOf } from '../../lib/reference.ts';
import type { Locale } from '../../i18n/index.ts';
import type { FieldIssue } from './directory-api.ts';

export { languageNames } from '../../../../src/modules/directory/directory-model.ts';

export const problemLabel = categoryLabel;

export function prefecturesLabel(t: Translate, codes: readonly string[], locale: Locale): string {
  if (codes.includes('all')) return t('dir.nationwide');
  return codes.map((code) => labelOf(PREFECTURES, code, locale)).join(locale === 'ja' ? '、' : ', ');
}

/** "Website: must be a valid https:// address", with the row for an import. */
export function issueText(t: Translate, issue: FieldIssue): string {
  const fieldKey = `dir.field.${issue.field}` as MessageKey;
  // An unknown column of an import has no label: show its name as written.
  const field = (t(fieldKey) as string | undefined) ?? issue.field;
  const text = `${field}: ${t(`dir.issue.${issue.code}` as MessageKey)}`;
  return issue.row ? `${t('dir.import.row', { row: issue.row })} — ${text}` : text;
}
