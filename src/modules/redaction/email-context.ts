// Is an e-mail address on an outside domain one of the victim's people (staff, customers) or the attacker's?
// The nearest context word before the address decides; by default an outside address is the attacker's.

const ACCOUNT_WORDS = ['ログインID', 'ログイン名', 'ユーザー名', 'ユーザーID', 'ユーザ名', 'ユーザID', '個人', 'username', 'user name', 'userid', 'signed in as', 'logged in as'];

const STAFF = ['社員', '職員', '従業員', '担当者', '顧客', 'お客様', '会員', '患者', '利用者', '本人', '個人の', '個人メール', '個人アドレス',
  '個人用', '私用', '私物', '自宅', 'personal e-mail', 'personal email', 'personal address', 'private e-mail', 'private email',
  '連絡先', '問い合わせ先', 'employee', 'staff', 'customer', 'colleague', 'personal', 'patient', 'member', 'private address',
  'our ', 'my ', 'contact:', 'contact ', 'e-mail of', 'email of', "'s e-mail", "'s email", 'his ', 'her ',
  // The account someone signs in with is the member's person's, whatever its domain (個人のGmailアカウント, logged in as).
  ...ACCOUNT_WORDS];

const ATTACKER = ['攻撃者', '送信元', '差出人', '犯人', '身代金', '脅迫', '偽', 'フィッシング', '不審', '宛に送付', '誤送信',
  'ransom', 'attacker', 'sender', 'from', 'なりすまし', '成りすまし', '騙', 'impersonat', 'spoof', 'phish', 'threat actor', 'c2', 'malicious', 'suspicious', 'fake', 'reply-to', 'contact us', 'reach us', 'note', 'decrypt', '復号', '連絡してください', '交渉',
  // The sender's account is the attacker's: these end where the account word ends, so they win over it.
  '送信元アカウント', '差出人アカウント', '送信元のアカウント', '差出人のアカウント', 'sender account', "sender's account", 'sending account', 'attacker account', 'spoofed account', 'fake account', 'compromised account of a partner'];

// Where the last of the words ends in the window (-1: none); the nearer end decides, so that a longer phrase
// (送信元アカウント) outranks the word it ends with (アカウント).
function lastIndex(window: string, words: readonly string[]): number {
  return Math.max(-1, ...words.map((w) => {
    const i = window.lastIndexOf(w);
    return i < 0 ? -1 : i + w.length;
  }));
}

// Words that make any nearby outside address the attacker's, whatever comes between.
const STRONG_ATTACKER = ['脅迫', '身代金', '犯人', '攻撃者', 'ransom', 'attacker', 'threat actor', 'decrypt', '復号'];

// The note itself (an onion site, "your files are encrypted", 復号を希望): its "連絡先" and "contact" point to
// the attacker, however far the threat words are from the address.
const RANSOM_NOTE = /\.onion\b|your (?:files|data|network|systems?) (?:are|have been|has been|were) (?:encrypted|stolen|locked)|to decrypt|復号(?:を希望|したい|するには|ツール)|(?:ファイル|データ)は(?:すべて|全て)?暗号化され|身代金|tox\s?id/i;
export const isRansomNote = (text: string): boolean => RANSOM_NOTE.test(text);
const NOTE_CONTACT = new Set(['連絡先', '問い合わせ先', 'contact:', 'contact ', 'our ', 'my ', ...ACCOUNT_WORDS]);

export function emailIsStaff(windowBefore: string, inRansomNote = false): boolean {
  if (lastIndex(windowBefore, STRONG_ATTACKER) >= 0) return false;
  const staff = lastIndex(windowBefore, inRansomNote ? STAFF.filter((w) => !NOTE_CONTACT.has(w)) : STAFF);
  return staff >= 0 && staff > lastIndex(windowBefore, ATTACKER);
}
