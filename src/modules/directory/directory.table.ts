import type { Insertable, Selectable } from 'kysely';

export interface DirectoryEntriesTable {
  id: string;
  name_ja: string;
  name_en: string;
  helps_with: string; // JSON array of problem codes, e.g. ["phishing","ransomware"]
  prefectures: string; // JSON array: ["all"] or JIS codes ["13","14"]
  phone: string | null; // added by coordinators, never invented
  web_url: string | null; // https only
  hours_ja: string;
  hours_en: string;
  languages: string; // JSON array of language tags
  cost: string; // free | paid
  notes_ja: string;
  notes_en: string;
  curated_by: string | null; // the coordinator who last changed it; null for the shipped seed
  version: number; // optimistic concurrency: a change names the version it read
  created_at: string;
  updated_at: string;
}

export type DirectoryEntryRow = Selectable<DirectoryEntriesTable>;
export type NewDirectoryEntryRow = Insertable<DirectoryEntriesTable>;
