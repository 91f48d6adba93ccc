// Every message exists in Japanese and English with the same interpolation variables, module by module, and
// i18next reads them as the UI does (interpolation, English plurals).
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { I18NEXT_OPTIONS } from './i18n-options.ts';
import { MODULES } from './resources.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Per message (plural forms folded into their key): the interpolation variables of all its forms. */
function messages(file: Record<string, string>): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const [key, text] of Object.entries(file)) {
    const names = found.get(key.replace(PLURAL_SUFFIX, '')) ?? new Set<string>();
    for (const match of text.matchAll(/\{\{\s*(\w+)/g)) names.add(match[1] ?? '');
    found.set(key.replace(PLURAL_SUFFIX, ''), names);
  }
  return new Map([...found].map(([key, names]) => [key, [...names].sort()]));
}

describe('translations', () => {
  for (const [module, ja] of Object.entries(MODULES.ja)) {
    const en: Record<string, string> = MODULES.en[module as keyof typeof MODULES.en];

    it(`${module}: every key exists in both languages, with the same interpolation variables`, () => {
      const jaMessages = messages(ja);
      const enMessages = messages(en);
      expect([...enMessages.keys()].sort()).toEqual([...jaMessages.keys()].sort());
      for (const [key, names] of jaMessages) expect({ key, names: enMessages.get(key) }).toEqual({ key, names });
    });

    it(`${module}: a plural form only beside its plain key, no message empty`, () => {
      for (const file of [ja, en]) {
        for (const [key, text] of Object.entries(file)) {
          expect(text.trim(), key).not.toBe('');
          if (PLURAL_SUFFIX.test(key)) expect(file, key).toHaveProperty([key.replace(PLURAL_SUFFIX, '')]);
        }
      }
    });
  }

  it('no key is defined by two modules', () => {
    for (const language of [MODULES.ja, MODULES.en]) {
      const owners = new Map<string, string[]>();
      for (const [module, file] of Object.entries(language)) {
        for (const key of Object.keys(file)) owners.set(key, [...(owners.get(key) ?? []), module]);
      }
      expect([...owners].filter(([, modules]) => modules.length > 1)).toEqual([]);
    }
  });

  it('i18next interpolates and uses the English singular for one', async () => {
    const i18n = createInstance();
    await i18n.init({ ...I18NEXT_OPTIONS, lng: 'en' });
    expect(i18n.t('nav.signedInAs', { name: 'Aiko' })).toBe('Aiko');
    expect(i18n.t('corr.sightings.count', { count: 1 })).toBe('1 organisation');
    expect(i18n.t('corr.sightings.count', { count: 3 })).toBe('3 organisations');
    await i18n.changeLanguage('ja');
    expect(i18n.t('corr.sightings.count', { count: 1 })).toBe('1 組織');
    expect(i18n.t('corr.sightings.count', { count: 3 })).toBe('3 組織');
    expect(i18n.t('nav.signedInAs', { name: '愛子' })).toBe('愛子 さん');
  });
});
