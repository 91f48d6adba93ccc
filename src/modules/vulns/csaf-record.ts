// One CSAF 2.0 advisory (vendor or JVN style), checked and flattened: per vulnerability its text, score, remedy and
// the products it names with their status and identity (CPE 2.3 or purl from product_identification_helper, a
// product_version_range or product_version from the branches above it, relationships resolved to the component).
// Products with no identity we can read (a CPE 2.2 URI, a name only) cannot be matched and are left out. Pure.
import { plainValue, tryParseCpe } from './cpe.js';
import type { CsafProductEntry, CsafStatus } from './csaf.js';
import { CVE_ID, FeedFormatError, isObject, list, number, object, optionalText, text, timestamp, type Json } from './feed-format.js';
import { tryParsePurl } from './purl.js';

export interface CsafEntry extends CsafProductEntry {
  vendorKey: string;
  productKey: string;
}

export interface CsafVulnerability {
  ref: string;
  description: string | null;
  cvssScore: number | null;
  cvssVector: string | null;
  remedy: string | null;
  remedyUrl: string | null;
  products: CsafEntry[];
}

export interface CsafAdvisory {
  id: string;
  trackingId: string;
  publisher: string;
  title: string;
  lang: string | null;
  releaseDate: string;
  vulnerabilities: CsafVulnerability[];
}

type Identity = Pick<CsafProductEntry, 'cpe' | 'purl' | 'versionRange'>;
const STATUSES: readonly CsafStatus[] = [
  'known_affected', 'first_affected', 'last_affected', 'fixed', 'first_fixed', 'known_not_affected', 'under_investigation', 'recommended',
];

function helper(product: Json, path: string): Identity {
  const h = product.product_identification_helper === undefined ? {} : object(product.product_identification_helper, `${path}.product_identification_helper`);
  const cpe = optionalText(h.cpe, `${path}.product_identification_helper.cpe`, 1000);
  const purl = optionalText(h.purl, `${path}.product_identification_helper.purl`, 1000);
  return { ...(cpe ? { cpe } : {}), ...(purl ? { purl } : {}) };
}

// A product_version branch without a range: an exact version, written as a one-value vers range.
function versionAsRange(identity: Identity, version: string): string {
  const purl = identity.purl ? tryParsePurl(identity.purl) : null;
  return `vers:${purl ? purl.type : 'generic'}/${encodeURIComponent(version)}`;
}

function walk(branches: unknown, path: string, above: { range?: string; version?: string }, out: Map<string, Identity>): void {
  list(branches, path, true).forEach((b, i) => {
    const at = `${path}[${i}]`;
    const branch = object(b, at);
    const category = text(branch.category, `${at}.category`, 50);
    const name = text(branch.name, `${at}.name`, 1000);
    const here = { ...above };
    if (category === 'product_version_range' && name.startsWith('vers:')) here.range = name;
    if (category === 'product_version') here.version = name;
    if (branch.product !== undefined) {
      const product = object(branch.product, `${at}.product`);
      const id = text(product.product_id, `${at}.product.product_id`, 200);
      const identity = helper(product, `${at}.product`);
      const cpeVersion = identity.cpe ? tryParseCpe(identity.cpe)?.version : undefined;
      const versionFree = identity.purl ? !tryParsePurl(identity.purl)?.version : cpeVersion?.kind === 'any';
      if (here.range) identity.versionRange = here.range;
      else if (here.version && versionFree) identity.versionRange = versionAsRange(identity, here.version);
      out.set(id, identity);
    }
    walk(branch.branches, `${at}.branches`, here, out);
  });
}

function productIdentities(tree: Json | undefined, path: string): Map<string, Identity> {
  const out = new Map<string, Identity>();
  if (!tree) return out;
  walk(tree.branches, `${path}.branches`, {}, out);
  list(tree.full_product_names, `${path}.full_product_names`, true).forEach((p, i) => {
    const product = object(p, `${path}.full_product_names[${i}]`);
    out.set(text(product.product_id, `${path}.full_product_names[${i}].product_id`, 200), helper(product, `${path}.full_product_names[${i}]`));
  });
  // "FortiOS 7.2.4 as a component of FortiGate 60F" is matched as FortiOS 7.2.4.
  list(tree.relationships, `${path}.relationships`, true).forEach((r, i) => {
    const at = `${path}.relationships[${i}]`;
    const rel = object(r, at);
    const component = out.get(text(rel.product_reference, `${at}.product_reference`, 200));
    const full = object(rel.full_product_name, `${at}.full_product_name`);
    if (component) out.set(text(full.product_id, `${at}.full_product_name.product_id`, 200), component);
  });
  return out;
}

export function lookupKeys(identity: Identity): { vendorKey: string; productKey: string } | null {
  const cpe = identity.cpe ? tryParseCpe(identity.cpe) : null;
  if (cpe) {
    const vendor = plainValue(cpe.vendor);
    const product = plainValue(cpe.product);
    return vendor && product ? { vendorKey: vendor, productKey: product } : null;
  }
  const purl = identity.purl ? tryParsePurl(identity.purl) : null;
  return purl ? { vendorKey: `purl:${purl.type}`, productKey: `${purl.namespace ?? ''}/${purl.name}`.toLowerCase() } : null;
}

function vulnerability(value: unknown, path: string, index: number, trackingId: string, products: Map<string, Identity>): CsafVulnerability {
  const v = object(value, path);
  const cve = v.cve === undefined ? null : text(v.cve, `${path}.cve`, 40).trim().toUpperCase();
  if (cve !== null && !CVE_ID.test(cve)) throw new FeedFormatError(`${path}.cve`, `"${cve}" is not a CVE id`);
  const notes = list(v.notes, `${path}.notes`, true).filter(isObject);
  const note = notes.find((n) => n.category === 'description') ?? notes.find((n) => n.category === 'summary');
  const score = list(v.scores, `${path}.scores`, true).filter(isObject).map((s) => s.cvss_v3 ?? s.cvss_v4).find(isObject);
  const remedy = list(v.remediations, `${path}.remediations`, true).filter(isObject).find((r) => r.category === 'vendor_fix');
  const status = v.product_status === undefined ? {} : object(v.product_status, `${path}.product_status`);
  const entries: CsafEntry[] = [];
  for (const category of STATUSES) {
    list(status[category], `${path}.product_status.${category}`, true).forEach((id, i) => {
      const productId = text(id, `${path}.product_status.${category}[${i}]`, 200);
      const identity = products.get(productId);
      if (!identity) throw new FeedFormatError(`${path}.product_status.${category}[${i}]`, `product "${productId}" is not in the product tree`);
      const keys = lookupKeys(identity);
      if (keys) entries.push({ productId, status: category, ...identity, ...keys });
    });
  }
  return {
    ref: cve ?? `${trackingId}#${index + 1}`,
    description: note ? optionalText(note.text, `${path}.notes`, 100_000) : null,
    cvssScore: score && score.baseScore !== undefined ? number(score.baseScore, `${path}.scores`, 0, 10) : null,
    cvssVector: score ? optionalText(score.vectorString, `${path}.scores`, 300) : null,
    remedy: remedy ? optionalText(remedy.details, `${path}.remediations`, 10_000) : null,
    remedyUrl: remedy ? optionalText(remedy.url, `${path}.remediations`, 2000) : null,
    products: entries,
  };
}

export function parseCsafAdvisory(value: unknown): CsafAdvisory {
  const root = object(value, '$');
  const doc = object(root.document, '$.document');
  const version = text(doc.csaf_version, '$.document.csaf_version', 10);
  if (version !== '2.0') throw new FeedFormatError('$.document.csaf_version', `"${version}" is not 2.0`);
  const tracking = object(doc.tracking, '$.document.tracking');
  const publisher = object(doc.publisher, '$.document.publisher');
  const trackingId = text(tracking.id, '$.document.tracking.id', 200).trim();
  const namespace = text(publisher.namespace, '$.document.publisher.namespace', 500);
  const products = productIdentities(root.product_tree === undefined ? undefined : object(root.product_tree, '$.product_tree'), '$.product_tree');
  return {
    id: `${namespace}|${trackingId}`, trackingId, publisher: text(publisher.name, '$.document.publisher.name', 500),
    title: text(doc.title, '$.document.title', 1000), lang: optionalText(doc.lang, '$.document.lang', 20),
    releaseDate: timestamp(tracking.current_release_date, '$.document.tracking.current_release_date'),
    vulnerabilities: list(root.vulnerabilities, '$.vulnerabilities', true).map((v, i) => vulnerability(v, `$.vulnerabilities[${i}]`, i, trackingId, products)),
  };
}
