// How the matchers see an asset of the inventory.
import { type CpeName, cpeFromFields, tryParseCpe } from './cpe.js';

/** An asset as the inventory knows it: a CPE, a purl, or vendor/product/version typed by a person. */
export interface AssetIdentity {
  cpe?: string;
  purl?: string;
  part?: string;
  vendor?: string;
  product?: string;
  version?: string;
}

/** The asset's CPE: its own string, else one built from the typed fields; null when the CPE string is invalid. */
export function assetCpe(asset: AssetIdentity): CpeName | null {
  if (asset.cpe) return tryParseCpe(asset.cpe);
  return cpeFromFields(asset);
}
