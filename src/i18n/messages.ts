// Server-side text shown to people: API error messages and e-mails, in Japanese and English.
import type { ErrorCode } from '../errors.js';
import type { Locale } from '../auth/roles.js';

type Text = Record<Locale, string>;

const ERRORS: Record<ErrorCode, Text> = {
  bad_request: { ja: 'リクエストが正しくありません。', en: 'The request is not valid.' },
  validation_failed: { ja: '入力内容に誤りがあります: {detail}', en: 'Some input is not valid: {detail}' },
  invalid_json: { ja: 'JSON の形式が正しくありません。', en: 'The body is not valid JSON.' },
  invalid_cidr: { ja: 'IP アドレス範囲（CIDR）が正しくありません: {value}', en: 'Not a valid IP range (CIDR): {value}' },
  invalid_domain: { ja: 'ドメイン名が正しくありません: {value}', en: 'Not a valid domain name: {value}' },
  weak_password: {
    ja: 'パスワードは {min} 文字以上で、メールアドレスと異なるものにしてください。',
    en: 'The password must be at least {min} characters and differ from the e-mail address.',
  },
  invalid_observable: { ja: '照合できる値（IP アドレス、ドメイン、URL、メールアドレス、ハッシュ）ではありません: {value}', en: 'Not a value that can be correlated (IP address, domain, URL, e-mail address, hash): {value}' },
  invalid_sighting: { ja: '目撃情報が正しくありません: {detail}', en: 'The sighting is not valid: {detail}' },
  invalid_filter: { ja: '検索条件が正しくありません: {detail}', en: 'A query parameter is not valid: {detail}' },
  invalid_totp: { ja: '確認コードが正しくありません。', en: 'The verification code is not correct.' },
  totp_not_pending: { ja: '先に二要素認証の設定を開始してください。', en: 'Start two-factor set-up first.' },
  unauthenticated: { ja: 'サインインしてください。', en: 'Please sign in.' },
  invalid_credentials: {
    ja: 'メールアドレスまたはパスワードが正しくありません。',
    en: 'The e-mail address or password is not correct.',
  },
  totp_required: { ja: '認証アプリの確認コードを入力してください。', en: 'Enter the code from your authenticator app.' },
  insufficient_scope: {
    ja: 'この API トークンにはこの操作の権限がありません。',
    en: 'This API token is not allowed to do this.',
  },
  mfa_enrollment_required: {
    ja: 'この役割では二要素認証の設定が必要です。アカウント画面で設定してください。',
    en: 'Your role requires two-factor authentication. Set it up on the account page.',
  },
  forbidden: { ja: 'この操作は許可されていません。', en: 'You are not allowed to do this.' },
  csrf_failed: {
    ja: 'セキュリティ確認に失敗しました。ページを再読み込みしてください。',
    en: 'Security check failed. Reload the page and try again.',
  },
  not_found: { ja: '見つかりません。', en: 'Not found.' },
  not_acceptable: {
    ja: 'Accept ヘッダーに対応する形式がありません（application/taxii+json;version=2.1 を指定してください）。',
    en: 'None of the media types in Accept can be served (ask for application/taxii+json;version=2.1).',
  },
  link_invalid: {
    ja: 'このリンクは無効か、期限切れか、すでに使われています。',
    en: 'This link is invalid, has expired or has already been used.',
  },
  conflict: { ja: '他の変更と競合しました。', en: 'This conflicts with another change.' },
  email_taken: { ja: 'このメールアドレスはすでに登録されています。', en: 'This e-mail address is already registered.' },
  setup_done: { ja: '初期設定はすでに完了しています。', en: 'Set-up has already been completed.' },
  last_administrator: {
    ja: '最後の管理者を外すことはできません。',
    en: 'The last administrator cannot be removed.',
  },
  last_org_admin: {
    ja: 'この組織の最後の組織管理者を外すことはできません。',
    en: 'The organisation\'s last organisation administrator cannot be removed.',
  },
  payload_too_large: { ja: '送信データが大きすぎます。', en: 'The request body is too large.' },
  unsupported_media_type: { ja: 'このデータ形式には対応していません。', en: 'This content type is not supported.' },
  unprocessable: { ja: '内容を処理できません: {detail}', en: 'The content cannot be processed: {detail}' },
  unsupported_stix_version: {
    ja: '対応していない STIX のバージョンです: {version}（対応: 2.1）',
    en: 'Unsupported STIX version: {version} (supported: 2.1)',
  },
  account_locked: {
    ja: 'サインインの失敗が続いたため、一時的にロックされています。{minutes} 分後に再度お試しください。',
    en: 'Too many failed sign-ins. Try again in {minutes} minutes.',
  },
  rate_limited: {
    ja: '短時間に多くのリクエストがありました。しばらくしてからお試しください。',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  internal: {
    ja: 'サーバーでエラーが発生しました（リクエスト ID: {requestId}）。',
    en: 'Something went wrong on the server (request id: {requestId}).',
  },
  not_ready: { ja: 'データベースに接続できません。', en: 'The database is not reachable.' },
};

// How an e-mail names the sender when the machine operator (the CLI) acts rather than a person.
export const OPERATOR_NAME: Text = { ja: 'Anshin 運用担当', en: 'The Anshin operator' };

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(ERRORS[code][locale], params);
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
