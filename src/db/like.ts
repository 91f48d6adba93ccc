import { sql, type Expression, type SqlBool } from 'kysely';

// Case-insensitive "contains" / "starts with" that behaves the same on SQLite and PostgreSQL:
// the value is a bound parameter and its % and _ stay literal.
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function ilikeContains(column: Expression<string | null> | string, value: string): Expression<SqlBool> {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`lower(${ref}) like ${`%${escapeLike(value.toLowerCase())}%`} escape '\\'`;
}

export function ilikePrefix(column: Expression<string | null> | string, value: string): Expression<SqlBool> {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`lower(${ref}) like ${`${escapeLike(value.toLowerCase())}%`} escape '\\'`;
}
