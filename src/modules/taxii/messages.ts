// Why an object was not stored, in the words of the status resource (§4.3.1), in Japanese and English.
import type { Locale } from '../../auth/roles.js';
import { fill } from '../../i18n/messages.js';
import type { Audience, TlpLevel } from '../stix/tlp.js';

const TEXTS = {
  invalid: { ja: 'STIX オブジェクトとして正しくありません: {issues}', en: 'Not a valid STIX object: {issues}' },
  spec_version: {
    ja: 'spec_version {version} には対応していません（対応は {supported} のみ）。STIX {supported} に変換して送ってください。',
    en: 'spec_version {version} is not supported (only {supported}): convert the object to STIX {supported}.',
  },
  unknown_marking: {
    ja: 'マーキング定義 {marking} を参照していますが、TLP のマーキングでも、保存済みでも、この要求で受け付けたものでもありません。その marking-definition を一緒に送ってください。',
    en: 'References the marking definition {marking}, which is neither a TLP marking nor stored here nor accepted with this request: send the marking-definition with it.',
  },
  tlp_red: { ja: 'TLP:RED のオブジェクトはどのコレクションにも置けません。', en: 'TLP:RED objects are never placed in a collection.' },
  tlp_placement: {
    ja: 'TLP:{level} のオブジェクトは{audience}コレクションに置けません。',
    en: 'TLP:{level} objects may not be placed in the {audience} collection.',
  },
  conflict: {
    ja: '同じ ID と版（{version}）で内容の異なるオブジェクトがすでに保存されています。',
    en: 'A different object with this id and version ({version}) is already stored.',
  },
  identity_not_yours: {
    ja: '他の組織または事務局の ID（{identity}）を作成者として名乗ることはできません。自組織の ID を使うか、created_by_ref を省いてください。',
    en: 'An object may not name another organisation\'s or the desk\'s identity ({identity}) as its creator: use your own, or leave created_by_ref out.',
  },
  not_newer: {
    ja: '保存済みの版（{latest}）より新しくありません。新しい版には後の modified が必要です。',
    en: 'Not newer than the stored version ({latest}): a new version needs a later modified.',
  },
  revoked: { ja: 'このオブジェクトは失効（revoked）しています。失効は取り消せません。', en: 'This object has been revoked, and revocation is final.' },
  not_creator: {
    ja: '新しい版を作れるのは作成者（{creator}）だけです。',
    en: 'Only the object\'s creator ({creator}) may create a new version of it.',
  },
} as const;

export type FailureReason = keyof typeof TEXTS;

const AUDIENCE_NAMES: Record<Audience, { ja: string; en: string }> = {
  public: { ja: '公開', en: 'public' },
  community: { ja: 'コミュニティ', en: 'community' },
  group: { ja: '共有グループ', en: 'sharing group' },
  feed: { ja: '組織フィード', en: 'organisation feed' },
  inbox: { ja: '受付箱', en: 'inbox' },
};

export function failureMessage(reason: FailureReason, locale: Locale, params: Record<string, string> = {}): string {
  return fill(TEXTS[reason][locale], params);
}

export function placementMessage(level: TlpLevel, audience: Audience, locale: Locale): string {
  if (level === 'red') return failureMessage('tlp_red', locale);
  return failureMessage('tlp_placement', locale, { level: level.toUpperCase(), audience: AUDIENCE_NAMES[audience][locale] });
}
