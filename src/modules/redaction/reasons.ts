// Stable reason codes for proposals and indicators, with the explanation a coordinator reads (ja/en).

export const REASONS = {
  name_dictionary_full: { ja: '姓と名の辞書に一致する氏名', en: 'surname and given name from the name dictionaries' },
  name_dictionary_with_honorific: { ja: '敬称（さん・様・氏など）が付いた氏名', en: 'name followed by an honorific (さん, 様, 氏, -san)' },
  name_with_role: { ja: '役職・担当の語が付いた氏名', en: 'name followed by a role word (部長, 担当, …)' },
  name_in_context: { ja: '人を示す文脈（報告者・職員・顧客など）の後の氏名', en: 'name after a word that introduces a person (reporter, employee, customer, …)' },
  name_title: { ja: '敬称（Mr./Ms./Dr.）の後の氏名', en: 'name after a title (Mr., Ms., Dr., …)' },
  name_dictionary_surname: { ja: 'よくある姓（辞書）', en: 'common surname from the dictionary' },
  victim_profile_email: { ja: '会員組織のドメインのメールアドレス', en: "e-mail address on the member's own domain" },
  staff_email_context: { ja: '職員・顧客のメールアドレス（文脈）', en: 'e-mail address of a staff member or customer (context)' },
  phone_pattern: { ja: '電話番号の形式', en: 'telephone number format' },
  phone_context: { ja: '電話・内線などの語の後の番号', en: 'number after a telephone word (tel, 内線, …)' },
  postal_code: { ja: '郵便番号（〒）', en: 'Japanese postal code (〒)' },
  postal_address_ja: { ja: '都道府県・市区町村・番地の住所', en: 'prefecture, municipality and block-number address' },
  postal_address_en: { ja: '英語表記の住所', en: 'street address in English' },
  my_number_check_digit: { ja: '検査用数字が正しい12桁の個人番号', en: '12-digit My Number with a valid check digit' },
  luhn_valid_card: { ja: 'Luhn検査に合格するカード番号', en: 'card number that passes the Luhn check' },
  private_key_block: { ja: '秘密鍵ブロック', en: 'private key block' },
  known_token_format: { ja: '既知の形式のキー・トークン（AWS, GitHub, JWT など）', en: 'key or token in a known format (AWS, GitHub, JWT, …)' },
  secret_after_keyword: { ja: 'パスワード・キーなどの語の後の値', en: 'value after password, key, token, …' },
  account_after_keyword: { ja: 'アカウント・社員番号・口座番号などの語の後の値', en: 'value after account, user id, employee number, bank account, passport, …' },
  windows_account: { ja: 'ドメイン\\ユーザー形式のアカウント', en: 'DOMAIN\\user account' },
  ransom_victim_id: { ja: '被害者固有のID（脅迫文など）', en: 'victim-unique ID (ransom note, …)' },
  private_ip_range: { ja: 'プライベート・ループバック・リンクローカル等のアドレス', en: 'private, loopback, link-local, CGNAT or ULA address' },
  victim_profile_cidr: { ja: '会員組織のIPアドレス範囲', en: "address in the member's own ranges" },
  victim_profile_domain: { ja: '会員組織のドメイン', en: "the member's own domain" },
  victim_profile_host: { ja: '会員組織のドメイン配下のホスト名', en: "host name under the member's domain" },
  internal_tld_host: { ja: '内部用ドメイン（.local, .lan, .corp など）のホスト名', en: 'host name under an internal suffix (.local, .lan, .corp, …)' },
  host_naming_pattern: { ja: '社内ホストの命名形式（PC-xx, SV-xx など）', en: 'internal host naming pattern (PC-xx, SV-xx, …)' },
  host_context: { ja: 'サーバ・端末・ホストなどの語の後の名前', en: 'name after server, host, workstation, 端末, …' },
  victim_profile_name: { ja: '会員組織の名称・別名', en: "the member's name or alias" },
  public_ip: { ja: '公開IPアドレス（攻撃者側）', en: 'public address (attacker side)' },
  public_domain: { ja: '外部ドメイン（攻撃者側）', en: 'external domain (attacker side)' },
  public_url: { ja: '外部URL（攻撃者側）', en: 'external URL (attacker side)' },
  attacker_email: { ja: '外部のメールアドレス（攻撃者側）', en: 'external e-mail address (attacker side)' },
  hash_hex_length: { ja: 'MD5/SHA-1/SHA-256/SHA-512 の長さの16進数', en: 'hex string of MD5, SHA-1, SHA-256 or SHA-512 length' },
  cve_id: { ja: 'CVE識別子', en: 'CVE identifier' },
  malware_list: { ja: 'マルウェア名リストに一致', en: 'malware family from the maintained list' },
  manual: { ja: 'コーディネーターが追加', en: 'added by a coordinator' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type ReasonCode = keyof typeof REASONS;

export function explainReason(code: string, lang: 'ja' | 'en'): string {
  const entry = (REASONS as Record<string, { ja: string; en: string }>)[code];
  return entry ? entry[lang] : code;
}
