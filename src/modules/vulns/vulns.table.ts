import type { Insertable, Selectable } from 'kysely';

// The knowledge base (feeds), the asset inventory and the findings. Booleans are 0/1, timestamps ISO-8601 text.

export interface VulnCvesTable {
  cve_id: string;
  published: string;
  last_modified: string;
  status: string;
  description_ja: string | null;
  description_en: string | null;
  cvss3_score: number | null;
  cvss3_vector: string | null;
  cvss3_severity: string | null;
  cvss4_score: number | null;
  cvss4_vector: string | null;
  cvss4_severity: string | null;
  cwe: string | null;
  advisory_url: string | null;
  imported_at: string;
}

export interface VulnCpeCriteriaTable {
  cve_id: string;
  seq: number;
  criteria: string;
  part: string;
  vendor: string;
  product: string;
  version_start_including: string | null;
  version_start_excluding: string | null;
  version_end_including: string | null;
  version_end_excluding: string | null;
  vulnerable: number;
  match_criteria_id: string | null;
}

export interface VulnKevTable {
  cve_id: string;
  vendor_project: string;
  product: string;
  name: string;
  date_added: string;
  due_date: string | null;
  ransomware: number;
  required_action: string;
  description: string;
  content_hash: string;
  imported_at: string;
}

export interface VulnEpssTable {
  cve_id: string;
  score: number;
  percentile: number;
  score_date: string;
  model_version: string | null;
}

export interface VulnEolCyclesTable {
  product: string;
  cycle: string;
  label: string | null;
  release_date: string | null;
  eol_date: string | null;
  eol_flag: number;
  latest_version: string | null;
  link: string | null;
  content_hash: string;
  imported_at: string;
}

export interface VulnFeedImportsTable {
  id: string;
  file_name: string;
  kind: string;
  sha256: string;
  outcome: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  message: string;
  started_at: string;
  finished_at: string;
}

export type CveRow = Selectable<VulnCvesTable>;
export type NewCveRow = Insertable<VulnCvesTable>;
export type CpeCriterionRow = Selectable<VulnCpeCriteriaTable>;
export type KevRow = Selectable<VulnKevTable>;
export type EpssRow = Selectable<VulnEpssTable>;
export type EolCycleRow = Selectable<VulnEolCyclesTable>;

export interface AssetsTable {
  id: string;
  org_id: string;
  category: string;
  vendor: string;
  product: string;
  version: string;
  cpe: string | null;
  purl: string | null;
  internet_facing: number;
  exposed_address: string | null;
  owner: string;
  notes: string;
  share_with_desk: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export type AssetRow = Selectable<AssetsTable>;

export interface VulnFindingsTable {
  id: string;
  org_id: string;
  asset_id: string;
  kind: string;
  ref: string;
  outcome: string;
  source: string;
  criterion: string;
  range_text: string;
  detail: string;
  fixed_hint: string | null;
  eol_date: string | null;
  kev: number;
  epss: number | null;
  cvss: number | null;
  priority: number;
  fingerprint: string;
  status: string;
  status_note: string;
  status_by: string | null;
  status_at: string | null;
  active: number;
  first_seen_at: string;
  last_seen_at: string;
  reopened_at: string | null;
}

export type FindingRow = Selectable<VulnFindingsTable>;

export interface VulnOsvRecordsTable {
  id: string;
  modified: string;
  published: string | null;
  withdrawn: string | null;
  cve_id: string | null;
  aliases: string;
  summary: string | null;
  details: string | null;
  severity_vector: string | null;
  affected: string;
  imported_at: string;
}

export interface VulnOsvPackagesTable {
  osv_id: string;
  ecosystem: string;
  name_key: string;
}

export type OsvRecordRow = Selectable<VulnOsvRecordsTable>;

export interface VulnCsafAdvisoriesTable {
  id: string;
  tracking_id: string;
  publisher: string;
  title: string;
  lang: string | null;
  release_date: string;
  imported_at: string;
}

export interface VulnCsafVulnsTable {
  advisory_id: string;
  seq: number;
  ref: string;
  description: string | null;
  description_lang: string | null;
  cvss_score: number | null;
  cvss_vector: string | null;
  remedy: string | null;
  remedy_url: string | null;
}

export interface VulnCsafProductsTable {
  advisory_id: string;
  seq: number;
  product_id: string;
  status: string;
  cpe: string | null;
  purl: string | null;
  version_range: string | null;
  vendor_key: string;
  product_key: string;
}

export type CsafProductRow = Selectable<VulnCsafProductsTable>;
export type CsafVulnRow = Selectable<VulnCsafVulnsTable>;
