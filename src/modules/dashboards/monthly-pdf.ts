// The monthly report as PDF (pdfkit), in Japanese or English, with a CJK font from PDF_FONT_PATH.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { japanTime } from '../../i18n/mail-templates.js';
import type { Group } from './k-cells.js';
import { labelOf, type LabelKind } from './labels.js';
import type { MonthlyReport } from './monthly-report.service.js';

const TEXT = {
  ja: {
    title: '月次レポート {month}', community: 'コミュニティ全体', members: '会員組織数', incidents: 'インシデント報告（種類別）',
    advisories: '発行した注意喚起（TLP 別）', firstResponse: '事務局の初回応答までの時間（中央値）', hours: '{h} 時間',
    topSighted: '多くの組織が観測した指標', orgsSaw: '{n} 組織', fewer: '{k} 組織未満', none: 'なし', total: '合計',
    org: '自組織: {name}', orgReports: '報告したインシデント', orgAdvisories: '受け取った注意喚起', orgSightings: '観測を報告した指標',
    kNote: '{k} 組織未満から寄せられた数は表示せず、「その他」にまとめるか「{k} 組織未満」と表示しています。', generated: '作成日時: {at}（日本時間）',
  },
  en: {
    title: 'Monthly report {month}', community: 'The community', members: 'Member organisations', incidents: 'Incident reports by kind',
    advisories: 'Advisories published by TLP', firstResponse: 'Median time to the desk\'s first response', hours: '{h} hours',
    topSighted: 'Indicators seen by the most organisations', orgsSaw: '{n} organisations', fewer: 'fewer than {k} organisations', none: 'none', total: 'Total',
    org: 'Your organisation: {name}', orgReports: 'Incidents reported', orgAdvisories: 'Advisories received', orgSightings: 'Indicators you reported seeing',
    kNote: 'Numbers from fewer than {k} organisations are not shown: they are merged into "Other" or shown as "fewer than {k} organisations".', generated: 'Generated {at} (Japan time)',
  },
} as const;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

export function checkFont(config: Config): void {
  if (!existsSync(config.pdfFontPath)) throw new AppError('pdf_font_missing', { path: config.pdfFontPath });
}

export function renderMonthlyPdf(report: MonthlyReport, config: Config): Promise<Buffer> {
  checkFont(config);
  const t = TEXT[report.locale];
  const title = fill(t.title, { month: report.month });
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: config.deskName, Subject: t.community }, lang: report.locale, displayTitle: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fontFamily = config.pdfFontPath.toLowerCase().endsWith('.ttc') ? config.pdfFontFamily : undefined;
  doc.registerFont('body', config.pdfFontPath, fontFamily);
  doc.font('body');
  const k = report.community.k;
  const fewer = fill(t.fewer, { k });
  const heading = (text: string, size = 14) => doc.moveDown(0.6).fontSize(size).text(text).fontSize(10.5).moveDown(0.2);
  const line = (text: string) => doc.text(text, { indent: 12 });
  const group = (g: Group | undefined, kind: LabelKind) => {
    if (!g) return line(t.none);
    if (g.lessThanK) return line(fewer);
    if (g.cells.length === 0) return line(t.none);
    for (const c of g.cells) line(`${labelOf(kind, c.key, report.locale)}: ${c.count}`);
    return line(`${t.total}: ${g.total}`);
  };

  doc.fontSize(20).text(title).fontSize(9).text(fill(t.generated, { at: japanTime(report.generatedAt) }));
  heading(t.community, 16);
  line(`${t.members}: ${report.community.members.lessThanK ? fewer : report.community.members.count}`);
  heading(t.incidents);
  group(report.community.incidents, 'category');
  heading(t.advisories);
  group(report.community.advisories, 'tlp');
  heading(t.firstResponse);
  const fr = report.community.firstResponse;
  line(fr.lessThanK ? fewer : fr.medianHours === null ? t.none : fill(t.hours, { h: fr.medianHours }));
  heading(t.topSighted);
  if (report.community.topSighted.length === 0) line(t.none);
  for (const i of report.community.topSighted) line(`${i.name ?? i.indicatorId}: ${fill(t.orgsSaw, { n: i.orgs })}`);
  doc.moveDown(0.5).fontSize(9).text(fill(t.kNote, { k })).fontSize(10.5);

  for (const org of report.orgs) {
    doc.addPage();
    doc.fontSize(16).text(fill(t.org, { name: org.name })).fontSize(10.5);
    heading(`${t.orgReports}: ${org.reports}`);
    for (const c of org.byCategory) line(`${labelOf('category', c.key, report.locale)}: ${c.count}`);
    if (org.medianFirstResponseHours !== null) line(`${t.firstResponse}: ${fill(t.hours, { h: org.medianFirstResponseHours })}`);
    heading(`${t.orgAdvisories}: ${org.advisories.length}`);
    for (const a of org.advisories.slice(0, 40)) line(`${a.at.slice(0, 10)}  ${a.title}`);
    heading(`${t.orgSightings}: ${org.sightings}`);
  }
  doc.end();
  return done;
}
