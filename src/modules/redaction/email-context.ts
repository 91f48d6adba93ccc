// Is an e-mail address on an outside domain one of the victim's people (staff, customers) or the attacker's?
// The nearest context word before the address decides; by default an outside address is the attacker's.

const STAFF = ['社員', '職員', '従業員', '担当者', '顧客', 'お客様', '会員', '患者', '利用者', '本人', '個人の', '私用', '自宅',
  '連絡先', '問い合わせ先', 'employee', 'staff', 'customer', 'colleague', 'personal', 'patient', 'member', 'private address',
  'our ', 'my ', 'contact:', 'contact ', 'e-mail of', 'email of', "'s e-mail", "'s email", 'his ', 'her '];

const ATTACKER = ['攻撃者', '送信元', '差出人', '犯人', '身代金', '脅迫', '偽', 'フィッシング', '不審', '宛に送付', '誤送信',
  'ransom', 'attacker', 'sender', 'from', 'spoof', 'phish', 'threat actor', 'c2', 'malicious', 'suspicious', 'fake', 'reply-to', 'contact us', 'reach us', 'note', 'decrypt', '復号', '連絡してください', '交渉'];

function lastIndex(window: string, words: readonly string[]): number {
  return Math.max(-1, ...words.map((w) => window.lastIndexOf(w)));
}

// Words that make any nearby outside address the attacker's, whatever comes between.
const STRONG_ATTACKER = ['脅迫', '身代金', '犯人', '攻撃者', 'ransom', 'attacker', 'threat actor', 'decrypt', '復号'];

export function emailIsStaff(windowBefore: string): boolean {
  if (lastIndex(windowBefore, STRONG_ATTACKER) >= 0) return false;
  const staff = lastIndex(windowBefore, STAFF);
  return staff >= 0 && staff > lastIndex(windowBefore, ATTACKER);
}
