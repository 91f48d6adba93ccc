import { describe, expect, it } from 'vitest';
import { checkIds, csvCell, entriesToCsv, parseCsv, rowsFromCsv, rowsFromJson } from './directory-csv.js';
import { cleanEntryInput, cleanPrefectures, cleanWebUrl, languageNames, type DirectoryEntry } from './directory-model.js';
import { renderDirectoryPage } from './directory-page.js';

const valid = { nameJa: '相談窓口', helpsWith: ['phishing'], prefectures: ['13'], webUrl: 'https://example.jp/soudan' };
const HEADER = 'id,name_ja,name_en,helps_with,prefectures,phone,web_url,hours_ja,hours_en,languages,cost,notes_ja,notes_en';

describe('directory entry rules', () => {
  it('accepts a minimal entry and fills the defaults', () => {
    const cleaned = cleanEntryInput(valid);
    expect(cleaned).toEqual({ ok: true, value: expect.objectContaining({ nameEn: '', phone: null, languages: ['ja'], cost: 'free', prefectures: ['13'] }) });
  });

  it('reads the problem codes of a file exported before the shared vocabulary as today\'s codes', () => {
    const cleaned = cleanEntryInput({ ...valid, helpsWith: ['personal_data_leak', 'ddos', 'unauthorized_access', 'dos'] });
    expect(cleaned).toEqual({ ok: true, value: expect.objectContaining({ helpsWith: ['unauthorised_access', 'data_leak', 'dos'] }) });
    expect(cleanEntryInput({ ...valid, helpsWith: ['unknown'] })).toEqual({ ok: false, issues: [{ field: 'helpsWith', code: 'unknown_problem' }] });
  });

  it('reports every problem at once with a code per field', () => {
    const cleaned = cleanEntryInput({ nameJa: ' ', helpsWith: ['ransomware', 'hacking'], prefectures: ['48'], webUrl: 'http://example.jp', cost: 'cheap', extra: 1 });
    expect(cleaned.ok).toBe(false);
    if (cleaned.ok) return;
    expect(cleaned.issues).toEqual(expect.arrayContaining([
      { field: 'extra', code: 'unknown_field' }, { field: 'nameJa', code: 'required' }, { field: 'helpsWith', code: 'unknown_problem' },
      { field: 'prefectures', code: 'invalid_prefecture' }, { field: 'webUrl', code: 'invalid_url' }, { field: 'cost', code: 'invalid_cost' },
    ]));
  });

  it('needs a way to reach the desk: a phone or a web address', () => {
    const cleaned = cleanEntryInput({ ...valid, webUrl: null });
    expect(cleaned).toEqual({ ok: false, issues: [{ field: 'webUrl', code: 'contact_required' }] });
    expect(cleanEntryInput({ ...valid, webUrl: null, phone: '03-1234-5678' }).ok).toBe(true);
    expect(cleanEntryInput({ ...valid, phone: 'call us' })).toEqual({ ok: false, issues: [{ field: 'phone', code: 'invalid_phone' }] });
  });

  it('takes only https links without credentials', () => {
    expect(cleanWebUrl('https://www.ipa.go.jp/security/anshin/')).toBe('https://www.ipa.go.jp/security/anshin/');
    for (const bad of ['http://example.jp', 'javascript:alert(1)', 'https://user:pw@example.jp', 'https://localhost/', 'https://exa mple.jp', 'not a url']) {
      expect(cleanWebUrl(bad), bad).toBeNull();
    }
  });

  it('names languages in the reader\'s language, keeping tags it does not know', () => {
    expect(languageNames(['ja', 'en'], 'ja')).toBe('日本語、英語');
    expect(languageNames(['ja', 'pt-BR'], 'en')).toBe('Japanese, Brazilian Portuguese');
  });

  it('normalises prefectures: "all" stands alone, spreadsheet numbers get their zero back', () => {
    expect(cleanPrefectures(['14', '1', '13', '13'])).toEqual(['01', '13', '14']);
    expect(cleanPrefectures(['13', 'ALL'])).toEqual(['all']);
    expect(cleanPrefectures(['00'])).toBeNull();
    expect(cleanPrefectures([])).toBeNull();
  });
});

describe('directory CSV', () => {
  it('parses quotes, doubled quotes, embedded newlines, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line1\nline2"\r\n\r\n')).toEqual([['a', 'b'], ['x, "y"', 'line1\nline2']]);
    expect(parseCsv('a,"b')).toBeNull();
  });

  it('turns rows into entries with list cells split on ";" and numbers rows as a spreadsheet does', () => {
    const csv = `${HEADER}\n,窓口,Desk,phishing;fraud,13;14,,https://example.jp,,,ja;en,free,,\n`;
    const parsed = rowsFromCsv(csv);
    expect(parsed).toEqual({ ok: true, rows: [{ row: 2, id: null, raw: expect.objectContaining({ helpsWith: ['phishing', 'fraud'], prefectures: ['13', '14'], languages: ['ja', 'en'] }) }] });
  });

  it('names what is wrong with a header', () => {
    expect(rowsFromCsv('name,web_url\nx,y\n')).toEqual({ ok: false, issues: expect.arrayContaining([
      { row: 1, field: 'name', code: 'unknown_column' }, { row: 1, field: 'name_ja', code: 'missing_column' },
    ]) });
  });

  it('escapes cells a spreadsheet would run as formulas, and reads them back', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+81-3-0000-0000')).toBe("'+81-3-0000-0000");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('plain')).toBe('plain');
    const entry: DirectoryEntry = {
      id: 'e1', nameJa: '=1+1', nameEn: 'Desk, "quoted"', helpsWith: ['fraud'], prefectures: ['all'], phone: '+81-3-0000-0000', webUrl: 'https://example.jp/',
      hoursJa: '', hoursEn: '', languages: ['ja'], cost: 'free', notesJa: '', notesEn: '', version: 1, createdAt: '', updatedAt: '',
    };
    const csv = entriesToCsv([entry]);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const back = rowsFromCsv(csv);
    expect(back).toEqual({ ok: true, rows: [{ row: 2, id: 'e1', raw: expect.objectContaining({ nameJa: '=1+1', nameEn: 'Desk, "quoted"', phone: '+81-3-0000-0000' }) }] });
  });

  it('reads a JSON import as a list or as the export\'s {"entries": [...]}, and checks ids', () => {
    const list = rowsFromJson([{ id: 'a', nameJa: 'x' }, { nameJa: 'y' }]);
    expect(list).toEqual({ ok: true, rows: [{ row: 1, id: 'a', raw: { nameJa: 'x' } }, { row: 2, id: null, raw: { nameJa: 'y' } }] });
    expect(rowsFromJson({ entries: [] })).toEqual({ ok: true, rows: [] });
    expect(rowsFromJson({ nope: 1 }).ok).toBe(false);
    expect(checkIds([{ row: 1, id: 'a', raw: {} }, { row: 2, id: 'a', raw: {} }, { row: 3, id: 'bad id!', raw: {} }])).toEqual([
      { row: 2, field: 'id', code: 'duplicate_id' }, { row: 3, field: 'id', code: 'invalid_id' },
    ]);
  });
});

describe('the public directory page', () => {
  const entry: DirectoryEntry = {
    id: 'e1', nameJa: '<script>alert(1)</script>窓口', nameEn: 'Desk', helpsWith: ['ransomware'], prefectures: ['13'], phone: null, webUrl: 'https://example.jp/?a=1&b=2',
    hoursJa: '平日', hoursEn: 'Weekdays', languages: ['ja'], cost: 'free', notesJa: '', notesEn: '', version: 1, createdAt: '', updatedAt: '',
  };
  it('escapes what entries say, follows the language and has no inline script or style', () => {
    const ja = renderDirectoryPage({ items: [entry], total: 1 }, { locale: 'ja', page: 1, pageSize: 20, prefecture: '13' });
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('&lt;script&gt;');
    expect(ja).toContain('href="https://example.jp/?a=1&amp;b=2"');
    expect(ja).toContain('<option value="13" selected>東京都</option>');
    expect(ja).not.toMatch(/<script|style=|<style/);
    const en = renderDirectoryPage({ items: [entry], total: 1 }, { locale: 'en', page: 1, pageSize: 20 });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h3>Desk</h3>');
    expect(en).toContain('Ransomware');
  });
});
