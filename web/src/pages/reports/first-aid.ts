// The first-aid checklist of an incident category, from the same file the server copies into a help request's tasks
// (src/modules/aid/checklists.json), so the member sees at once what a responder would ask first.
import checklists from '../../../../src/modules/aid/checklists.json';

export interface FirstAidStep { code: string; ja: string; en: string }

const BY_CATEGORY: Record<string, readonly FirstAidStep[] | undefined> = checklists;

/** The steps for a category; a category without its own list (and "not sure") gets the general one, as on the server. */
export function firstAidSteps(category: string): readonly FirstAidStep[] {
  return BY_CATEGORY[category] ?? BY_CATEGORY.other ?? [];
}
