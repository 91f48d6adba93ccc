// Server-side text shown to people: API error messages and e-mails, in Japanese and English.
import type { ErrorCode } from '../error-codes.js';
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
  tlp_red_not_publishable: {
    ja: 'TLP:RED の情報はプラットフォームでは公開できません。当事者に直接伝えてください。',
    en: 'TLP:RED information cannot be published through the platform; share it person to person.',
  },
  tlp_audience_mismatch: {
    ja: 'TLP:{tlp} の情報はこの公開範囲（{audience}）には公開できません。CLEAR のみ一般公開、GREEN はコミュニティかグループまで、AMBER は宛先の組織のみです。',
    en: 'TLP:{tlp} information cannot go to this audience ({audience}): only CLEAR may be public, GREEN goes to the community or a group, AMBER only to the organisations it is addressed to.',
  },
  publication_leak: {
    ja: '公開内容に秘匿すべき情報（{reasons}）が含まれています: {where}。修正してから公開してください。',
    en: 'What would be published still contains confidential information ({reasons}) at {where}. Correct it before publishing.',
  },
  review_incomplete: {
    ja: '墨消しの確認が終わっていません（未確認 {count} 件）。すべての候補を承認または却下してください。',
    en: 'The redaction review is not finished ({count} proposals undecided). Accept or reject every proposal first.',
  },
  already_published: { ja: 'この報告はすでに公開されています。', en: 'This report has already been published.' },
  victim_consent_missing: {
    ja: '報告した組織は名前の公開に同意していません。組織名を出さずに公開してください。',
    en: 'The reporting organisation has not agreed to be named. Publish without its name.',
  },
  account_locked: {
    ja: 'サインインの失敗が続いたため、一時的にロックされています。{minutes} 分後に再度お試しください。',
    en: 'Too many failed sign-ins. Try again in {minutes} minutes.',
  },
  rate_limited: {
    ja: '短時間に多くのリクエストがありました。しばらくしてからお試しください。',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  // reports
  invalid_report_dates: {
    ja: '日付が正しくありません（{detail}）。開始日 ≦ 気づいた日 ≦ 今日 にしてください。わからない場合は「わからない」を選んでください。',
    en: 'A date is not valid ({detail}): it must be started <= noticed <= now. Choose "unknown" if you do not know.',
  },
  report_text_invalid: {
    ja: '「何が起きたか」を 1〜{max} 文字で入力してください。',
    en: 'Describe what happened in 1 to {max} characters.',
  },
  attachment_invalid: {
    ja: 'ファイルを受け付けられません（{detail}）: 内容がファイルの種類と一致しないか、壊れています。何も保存していません。',
    en: 'The file was not accepted ({detail}): its content does not match its type or it is broken. Nothing was stored.',
  },
  outcome_required: {
    ja: '終了するときは結果（解決・誤検知・重複・対応不要・他機関へ引継ぎ）を選んでください。',
    en: 'Closing needs an outcome: resolved, false positive, duplicate, no action or referred.',
  },
  invalid_assignee: { ja: '担当者にはコーディネーターを指定してください。', en: 'The assignee must be a coordinator.' },
  unknown_regime: { ja: '報告制度が見つかりません: {id}', en: 'Unknown reporting regime: {id}' },
  invalid_state_transition: {
    ja: 'この状態（{from}）から「{to}」には変更できません。',
    en: 'A report cannot go from "{from}" to "{to}".',
  },
  report_not_draft: {
    ja: 'この報告は提出済みです。変更は「追記・訂正」として送ってください。',
    en: 'This report has been submitted: send changes as an amendment.',
  },
  report_not_submitted: {
    ja: 'この報告はまだ下書きです。先に提出してください。',
    en: 'This report is still a draft: submit it first.',
  },
  attachment_too_large: {
    ja: 'ファイルが大きすぎます（上限 {max} バイト）。何も保存していません。',
    en: 'The file is too large (limit {max} bytes). Nothing was stored.',
  },
  attachment_quota_exceeded: {
    ja: 'この報告の添付ファイルの合計が上限（{max} バイト）を超えます。何も保存していません。',
    en: 'The attachments of this report would exceed their total limit ({max} bytes). Nothing was stored.',
  },
  attachment_type_not_allowed: {
    ja: 'この種類のファイル（.{extension}）は添付できません。.log .txt .csv .json .eml .png .jpg のみです。不審なファイルは「不審なファイル（検体）」として添付してください。',
    en: 'Files of this type (.{extension}) are not accepted: only .log .txt .csv .json .eml .png .jpg. Attach suspicious files as a "suspicious file (sample)".',
  },
  // mutual aid
  aid_request_taken: {
    ja: 'この支援依頼は、すでに別の支援者が引き受けました。',
    en: 'Another responder has already taken this help request.',
  },
  aid_invalid_state: {
    ja: 'この支援依頼は、今の段階ではこの操作ができません。',
    en: 'This cannot be done at the help request\'s current stage.',
  },
  aid_already_offered: { ja: 'この支援者にはすでに打診済みです。', en: 'This request has already been offered to that responder.' },
  aid_responder_unavailable: {
    ja: 'この支援者は今は打診できません（未審査、受付停止中、または上限件数に達しています）。',
    en: 'This responder cannot be offered requests now (not vetted, unavailable, or at capacity).',
  },
  aid_no_report: {
    ja: 'この支援依頼にはインシデント報告がひも付いていないため、報告の閲覧許可は不要です。',
    en: 'This help request has no linked incident report, so there is nothing to grant.',
  },
  aid_profile_required: {
    ja: '先に支援者プロフィールを登録してください。',
    en: 'Create your responder profile first.',
  },
  // directory
  directory_invalid_entry: {
    ja: '連絡先の入力に誤りがあります（{fields}）。何も保存していません。',
    en: 'Some fields of the contact entry are not valid ({fields}). Nothing was stored.',
  },
  directory_import_invalid: {
    ja: '取り込むデータに誤りが {count} 件あります。何も取り込んでいません。',
    en: 'The import has {count} problems. Nothing was imported.',
  },
  directory_import_too_large: {
    ja: '一度に取り込めるのは {max} 件までです。何も取り込んでいません。',
    en: 'At most {max} entries can be imported at once. Nothing was imported.',
  },
  directory_version_conflict: {
    ja: 'この連絡先は他の人が先に変更しました。最新の内容を読み込み直してから変更してください。',
    en: 'Someone else changed this entry first. Reload it and make your change again.',
  },
  // assets and vulnerabilities
  asset_invalid: {
    ja: '機器・ソフトウェアの入力に誤りがあります（{fields}）。何も保存していません。',
    en: 'Some fields of the asset are not valid ({fields}). Nothing was stored.',
  },
  asset_address_unregistered: {
    ja: '「{value}」は組織に登録されたドメインや IP アドレス範囲ではありません。先に組織の登録情報に追加してください。',
    en: '"{value}" is not one of the organisation\'s registered domains or IP ranges. Register it with the organisation first.',
  },
  asset_limit_reached: {
    ja: '1 つの組織に登録できる機器・ソフトウェアは {max} 件までです。',
    en: 'An organisation can register at most {max} assets.',
  },
  finding_note_required: {
    ja: '「{status}」にするときは、その内容（対策や理由）を書いてください。',
    en: 'Say what was done or why when marking a finding "{status}".',
  },
  internal: {
    ja: 'サーバーでエラーが発生しました（リクエスト ID: {requestId}）。',
    en: 'Something went wrong on the server (request id: {requestId}).',
  },
  not_ready: { ja: 'データベースに接続できません。', en: 'The database is not reachable.' },
  pdf_font_missing: { ja: 'PDF 用のフォントが見つかりません（PDF_FONT_PATH: {path}）。管理者に連絡してください。', en: 'The font for PDF reports is missing (PDF_FONT_PATH: {path}). Please contact the administrator.' },
  ledger_bad_range: { ja: '台帳の範囲が正しくありません: {detail}', en: 'Invalid ledger range: {detail}' },
  ledger_bad_receipt: { ja: '受領証を読み取れません: {detail}', en: 'The receipt cannot be read: {detail}' },
  ledger_inconsistent: {
    ja: '台帳が前回署名したチェックポイントと一致しないため、署名を拒否しました。管理者に連絡してください。',
    en: 'The ledger is not consistent with the last checkpoint it signed, so it refuses to sign. Contact the administrator.',
  },
};

// How an e-mail names the sender when the machine operator (the CLI) acts rather than a person.
export const OPERATOR_NAME: Text = { ja: 'Anshin 運用担当', en: 'The Anshin operator' };

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(ERRORS[code][locale], params);
}

/**
 * Puts the parameters into a message. A placeholder without its parameter is left out with the separator before it
 * ("…できません: {detail}" becomes "…できません"): a message never shows a raw {placeholder}.
 */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/(\s*[:：]\s*)?\{(\w+)\}/g, (_whole, lead: string | undefined, key: string) => (key in params ? `${lead ?? ''}${String(params[key])}` : ''));
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
