import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../http/schemas.js';
import { ALL_PREFECTURES, COSTS, DIRECTORY_LIMITS, PREFECTURE_CODES, PROBLEM_CODES } from './directory-model.js';

// Bodies are typed loosely here (strings, lists of strings): directory-model.ts checks what they mean and
// answers with a code per field, the same checks an import runs on every row.
const Text = (maxLength: number) => Type.String({ maxLength: maxLength * 2 });
const Texts = (maxItems: number) => Type.Array(Type.String({ maxLength: 100 }), { maxItems });

const inputProperties = {
  nameJa: Text(DIRECTORY_LIMITS.name),
  nameEn: Type.Optional(Text(DIRECTORY_LIMITS.name)),
  helpsWith: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20, description: `problem codes: ${PROBLEM_CODES.join(', ')}` }),
  prefectures: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 60, description: '["all"] (nationwide) or JIS X 0401 codes "01" … "47"' }),
  phone: Type.Optional(Type.Union([Text(DIRECTORY_LIMITS.phone), Type.Null()], { description: 'only a number the body publishes; never invented' })),
  webUrl: Type.Optional(Type.Union([Text(DIRECTORY_LIMITS.url), Type.Null()], { description: 'https only' })),
  hoursJa: Type.Optional(Text(DIRECTORY_LIMITS.hours)),
  hoursEn: Type.Optional(Text(DIRECTORY_LIMITS.hours)),
  languages: Type.Optional(Texts(DIRECTORY_LIMITS.languages * 2)),
  cost: Type.Optional(Type.String({ maxLength: 10, description: COSTS.join(' | ') })),
  notesJa: Type.Optional(Text(DIRECTORY_LIMITS.notes)),
  notesEn: Type.Optional(Text(DIRECTORY_LIMITS.notes)),
};

export const EntryBody = Type.Object(inputProperties, { additionalProperties: false });
export const EntryUpdateBody = Type.Object(
  { ...inputProperties, version: Type.Integer({ minimum: 1, description: 'the version you read; a stale one answers 409' }) },
  { additionalProperties: false },
);

export const Entry = Type.Object({
  id: Type.String(),
  nameJa: Type.String(),
  nameEn: Type.String(),
  helpsWith: Type.Array(Type.String()),
  prefectures: Type.Array(Type.String()),
  phone: Type.Union([Type.String(), Type.Null()]),
  webUrl: Type.Union([Type.String(), Type.Null()]),
  hoursJa: Type.String(),
  hoursEn: Type.String(),
  languages: Type.Array(Type.String()),
  cost: Type.String(),
  notesJa: Type.String(),
  notesEn: Type.String(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const EntryPage = Type.Object({ items: Type.Array(Entry), total: Type.Integer() });

export const SearchQuery = Type.Object(
  {
    problem: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...PROBLEM_CODES] })),
    prefecture: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...PREFECTURE_CODES, ALL_PREFECTURES], description: 'entries serving it, nationwide ones included' })),
    q: Type.Optional(Type.String({ maxLength: DIRECTORY_LIMITS.q, description: 'part of a name or the notes' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: DIRECTORY_LIMITS.pageSize, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: DIRECTORY_LIMITS.offset, default: 0 })),
  },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'csv' })) },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });

// An error with what is wrong per field (and per row, for an import): {error: {code, message, details}}.
export const DetailedError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ row: Type.Optional(Type.Integer()), field: Type.String(), code: Type.String() }))),
  }),
});

export type EntryBody = Static<typeof EntryBody>;
export type EntryUpdateBody = Static<typeof EntryUpdateBody>;
export type SearchQuery = Static<typeof SearchQuery>;
export type ExportQuery = Static<typeof ExportQuery>;
