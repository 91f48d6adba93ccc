// A small integer that stands for a STIX id in the store's lookup index. Pure.
//
// Ids are "type--<UUID>" with random (v4) or hashed (v5) UUIDs, so their text sorts randomly: an index on
// the text is written at random places, and with a million objects that dominates ingest. An index on
// 52 bits of the UUID does the same job in a quarter of the space. Keys may collide, so lookups always
// compare the id itself as well.

const MASK_52 = 2 ** 52;

// FNV-1a over the text, folded into 52 bits: for ids whose UUID part is not hexadecimal.
function fnv(text: string): number {
  let hash = 0xcbf29ce4;
  let high = 0x84222;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    high = (Math.imul(high, 31) + (hash >>> 12)) & 0xfffff;
  }
  return (high * 2 ** 32 + hash) % MASK_52;
}

export function idKey(stixId: string): number {
  const at = stixId.lastIndexOf('--');
  const hex = at < 0 ? '' : stixId.slice(at + 2).replace(/-/g, '');
  // The 12 hex digits before the UUID's version digit, and the one after it.
  const head = hex.slice(0, 12);
  const tail = hex.slice(13, 14);
  if (hex.length !== 32 || !/^[0-9a-fA-F]+$/.test(hex)) return fnv(stixId);
  return parseInt(head, 16) * 16 + parseInt(tail, 16);
}
