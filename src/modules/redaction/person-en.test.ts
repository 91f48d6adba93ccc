import { describe, expect, it } from 'vitest';
import { inNameLexicon, isOrdinaryWord } from './data/name-lexicon.js';
import { detectLatinPersons } from './person-en.js';
import { fold } from './text.js';

// The text of every person the detector finds, in order.
const people = (text: string): string[] => {
  const t = fold(text);
  return detectLatinPersons(t).map((c) => t.slice(c.start, c.end));
};

describe('person-en: names with cues', () => {
  const cases: [string, string[]][] = [
    ['Warehouse lead Priya Raman noticed the shared drive was encrypted.', ['Priya Raman']],
    ['Our accountant Oluwaseun Adeyemi approved the wire transfer on Friday.', ['Oluwaseun Adeyemi']],
    ['The IT manager, Daniel Okafor, isolated the laptop at 09:40.', ['Daniel Okafor']],
    ["Nurse Siobhan O'Neill reported the text message to the ward office.", ["Siobhan O'Neill"]],
    ['The contractor Mateus Oliveira still had VPN access after his contract ended.', ['Mateus Oliveira']],
    ['the CFO Mark Baker received an invoice from a look-alike domain', ['Mark Baker']],
    ['Our receptionist Layla Haddad took the call from the "bank".', ['Layla Haddad']],
    ['Mr. Nguyen Van Nam from logistics clicked the link twice.', ['Nguyen Van Nam']],
    ['Ms YAMADA Hanako (総務) forwarded the mail to everyone.', ['YAMADA Hanako']],
    ['Please ask Suzuki-san before rebooting the file server.', ['Suzuki']],
    ['Dr. van der Berg confirmed the patient records were not accessed.', ['van der Berg']],
    ['Hi team, Marcus from accounts payable forwarded the invoice.', ['Marcus']],
    ['Ask Olga in human resources whether she got the same mail.', ['Olga']],
    ['Mr Kowalski asked whether the backups were affected.', ['Kowalski']],
    ['Takahashi-sensei sent the exam files from a personal address.', ['Takahashi']],
    ['Priya Raman, our payroll clerk, saw the pop-up first.', ['Priya Raman']],
    ['Escalated to Katarzyna Nowak (IT security lead) at 14:05.', ['Katarzyna Nowak']],
  ];
  for (const [text, names] of cases) {
    it(text.slice(0, 50), () => expect(people(text)).toEqual(names));
  }
});

describe('person-en: names of many cultures without a cue', () => {
  const cases: [string, string[]][] = [
    ['Taro Yamada and Zhang Wei were on the bridge call.', ['Taro Yamada', 'Zhang Wei']],
    ['María José Fernández opened the attachment on her phone.', ['María José Fernández']],
    ['Mohammed Al-Farsi noticed the MFA prompts at night.', ['Mohammed Al-Farsi']],
    ['Pieter van der Berg runs the nightly backup jobs.', ['Pieter van der Berg']],
    ['Yesterday Dmitri Sokolov called the help desk about his locked account.', ['Dmitri Sokolov']],
    ['José Luis García-López and Abdullah bin Rashid share the admin account.', ['José Luis García-López', 'Abdullah bin Rashid']],
    ['ITO Kenji and Tanaka Hiroshi from the Osaka branch joined later.', ['ITO Kenji', 'Tanaka Hiroshi']],
    ["Siddharth Iyer's laptop was the first to beacon out.", ['Siddharth Iyer']],
    ['The USB stick came from Ngozi Eze, who found it in the car park.', ['Ngozi Eze']],
    ['担当のTanaka Hiroshiさんが確認しました。', ['Tanaka Hiroshi']],
    ['Tanaka, Hiroshi was copied on the ransom note.', ['Tanaka, Hiroshi']],
  ];
  for (const [text, names] of cases) {
    it(text.slice(0, 50), () => expect(people(text)).toEqual(names));
  }
});

describe('person-en: mail headers, signatures and chats', () => {
  const cases: [string, string[]][] = [
    ['From: Priya Raman <priya.raman@example.com>\nSubject: strange login', ['Priya Raman']],
    ['To: "Fernández, María José" <mj.fernandez@example.org>', ['Fernández', 'María José']],
    ['Cc: Mohammed Al-Farsi <m.alfarsi@example.net>; Ana Santos <ana@example.net>', ['Mohammed Al-Farsi', 'Ana Santos']],
    ['Reported by: Chen Jie\nSeverity: high', ['Chen Jie']],
    ['Assignee: Katarzyna Nowak', ['Katarzyna Nowak']],
    ['Thanks for the quick response.\n\nKind regards,\nAoife Byrne\nPractice Manager | Riverside Dental\n+44 20 7946 0958', ['Aoife Byrne']],
    ['I have unplugged it.\n\nBest,\nKwame', ['Kwame']],
    ['Hi Grace, can you reset the password for the shared mailbox?', ['Grace']],
    ['Thanks, Hiroshi - I will check the logs.', ['Hiroshi']],
    ['[10:02] Priya Raman: I clicked it by mistake\n[10:03] Tom Becker: ok, unplug it now', ['Priya Raman', 'Tom Becker']],
    ['Lukas Schmidt  9:41 AM\nis the NAS still online?', ['Lukas Schmidt']],
    ['<priya.r> who opened invoice.pdf?\n<jdoe> not me\n<priya.r> ok', ['priya.r', 'jdoe', 'priya.r']],
    ['2024-05-14 10:02 <sato.k> the share is gone', ['sato.k']],
  ];
  for (const [text, names] of cases) {
    it(text.slice(0, 50).replace(/\n/g, ' '), () => expect(people(text)).toEqual(names));
  }
});

describe('person-en: products, malware, places, organisations and headings are not people', () => {
  const cases: string[] = [
    'Microsoft Defender flagged Cobalt Strike beacons on Windows Server 2019.',
    'Emotet and LockBit Black were observed; Qakbot too.',
    'Our offices in New York, Tokyo and Hong Kong were not affected.',
    'Incident Summary\nRoot Cause Analysis\nNext Steps\nLessons Learned',
    'Kelly Services and Morgan Stanley were notified as third parties.',
    'We contacted Palo Alto Networks and Trend Micro support.',
    'From: IT Helpdesk <helpdesk@example.com>\nTo: All Staff <all@example.com>',
    'From: Microsoft Account Team <no-reply@example.com>',
    'Regards,\nThe Security Team',
    'Please see the attached report. Thanks for your patience.',
    'The Virginia Beach office and the Austin data center lost power.',
    'Jenkins and Jira were upgraded on Monday, June 3.',
    'The San Francisco and Los Angeles branches use the same VPN.',
    'Grace period for the certificate expired. Will the backup finish tonight?',
    'Agent Tesla and Raspberry Robin samples were uploaded to the sandbox.',
    'Hamilton & Co handles our payroll.',
    'The Apache Struts and Oracle WebLogic servers were patched.',
    'Dear Customer,\nYour mailbox is almost full.',
    '[10:02] Windows Defender: threat quarantined',
    'Summary: the VPN gateway was exposed.\nImpact: two laptops.',
    'Chrome, Firefox and Edge were updated by Intune.',
    'Volt Typhoon and Lazarus Group use living-off-the-land tools.',
    '<div> hello\n<span> world',
  ];
  for (const text of cases) {
    it(text.slice(0, 50).replace(/\n/g, ' '), () => expect(people(text)).toEqual([]));
  }
});

describe('person-en: lexicons', () => {
  it('knows names of many cultures and tells ordinary words apart', () => {
    for (const name of ['priya', 'raman', 'oluwaseun', 'adeyemi', 'siobhan', 'nguyen', 'zhang', 'yamada']) expect(inNameLexicon(name)).toBe(true);
    expect(inNameLexicon('emotet')).toBe(false);
    expect(isOrdinaryWord('server')).toBe(true);
    expect(isOrdinaryWord('priya')).toBe(false);
  });
});
