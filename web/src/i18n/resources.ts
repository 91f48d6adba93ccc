// Every module's messages, put together for i18next.
import { advisoriesEn } from './advisories.en.ts';
import { advisoriesJa } from './advisories.ja.ts';
import { glossaryEn } from './glossary.en.ts';
import { glossaryJa } from './glossary.ja.ts';
import { aidEn } from './aid.en.ts';
import { aidJa } from './aid.ja.ts';
import { categoryMessages } from './categories.ts';
import { correlationEn } from './correlation.en.ts';
import { correlationJa } from './correlation.ja.ts';
import { dashboardsEn } from './dashboards.en.ts';
import { dashboardsJa } from './dashboards.ja.ts';
import { directoryEn } from './directory.en.ts';
import { directoryJa } from './directory.ja.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { ledgerEn } from './ledger.en.ts';
import { ledgerJa } from './ledger.ja.ts';
import { reportsEn } from './reports.en.ts';
import { reportsJa } from './reports.ja.ts';
import { sharingEn } from './sharing.en.ts';
import { sharingJa } from './sharing.ja.ts';
import { vulnsEn } from './vulns.en.ts';
import { vulnsJa } from './vulns.ja.ts';

/** Each module's resource file, by language: what the test compares. */
export const MODULES = {
  ja: { categories: categoryMessages('ja'), core: ja, reports: reportsJa, ledger: ledgerJa, aid: aidJa, correlation: correlationJa, sharing: sharingJa, dashboards: dashboardsJa, directory: directoryJa, advisories: advisoriesJa, glossary: glossaryJa, vulns: vulnsJa },
  en: { categories: categoryMessages('en'), core: en, reports: reportsEn, ledger: ledgerEn, aid: aidEn, correlation: correlationEn, sharing: sharingEn, dashboards: dashboardsEn, directory: directoryEn, advisories: advisoriesEn, glossary: glossaryEn, vulns: vulnsEn },
};

const translationJa = { ...categoryMessages('ja'), ...ja, ...reportsJa, ...ledgerJa, ...aidJa, ...correlationJa, ...sharingJa, ...dashboardsJa, ...directoryJa, ...advisoriesJa, ...glossaryJa, ...vulnsJa };
const translationEn = { ...categoryMessages('en'), ...en, ...reportsEn, ...ledgerEn, ...aidEn, ...correlationEn, ...sharingEn, ...dashboardsEn, ...directoryEn, ...advisoriesEn, ...glossaryEn, ...vulnsEn };

/** One namespace per language: the modules' keys are unique across modules (the test checks). */
export const resources = {
  ja: { translation: translationJa },
  en: { translation: translationEn },
};

/** Every message key; the English files are typed to have each of them. */
export type MessageKey = keyof typeof translationJa;
