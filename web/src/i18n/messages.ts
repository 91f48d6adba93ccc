/**
 * A module's English messages: every key of its Japanese file, and `<key>_one` where English says one thing
 * differently (i18next plurals: with `{ count }` the `_one` form is used for 1, the plain key otherwise; Japanese
 * has no plural forms).
 */
export type EnglishOf<Ja> = Record<keyof Ja, string> & Partial<Record<`${keyof Ja & string}_one`, string>>;
