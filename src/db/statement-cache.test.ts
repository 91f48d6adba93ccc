import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './connect.js';

describe('SQLite statement cache', () => {
  it('prepares each SQL text once, evicts the least recently used, and never hands out a statement being iterated', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('select 1 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    const b = cached.prepare('select 2 as n');
    cached.prepare('select 1 as n'); // a is now the most recent
    cached.prepare('select 3 as n'); // evicts b
    expect(cached.prepare('select 1 as n')).toBe(a);
    expect(cached.prepare('select 2 as n')).not.toBe(b);

    sqlite.exec('create table t (x integer)');
    sqlite.exec('insert into t values (1), (2)');
    const scan = cached.prepare('select x from t');
    const rows = scan.iterate([]);
    rows.next();
    const other = cached.prepare('select x from t');
    expect(other).not.toBe(scan);
    expect(other.all([])).toEqual([{ x: 1 }, { x: 2 }]);
    rows.return?.();
    expect(cached.prepare('select x from t')).toBe(scan);
    cached.close();
    expect(sqlite.open).toBe(false);
  });
});
