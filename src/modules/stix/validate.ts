// PLACEHOLDER (being replaced by the STIX validator): the interface the store relies on.
export interface StixIssue {
  path: string; // JSON path, e.g. "$.objects[3].created"
  rule: string; // stable rule id, e.g. "timestamp-format"
  message: { ja: string; en: string };
}

export function validateStixObject(value: unknown): StixIssue[] {
  const v = value as { type?: unknown; id?: unknown };
  if (typeof v !== 'object' || v === null || typeof v.type !== 'string' || typeof v.id !== 'string') {
    return [{ path: '$', rule: 'object', message: { ja: 'STIX オブジェクトではありません。', en: 'Not a STIX object.' } }];
  }
  return [];
}
