import type { InitOptions } from 'i18next';
import { resources } from './resources.ts';

/** How i18next reads the resources (shared by the UI and the resources test). */
export const I18NEXT_OPTIONS = {
  resources,
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  // Keys are flat ("nav.home"), never nested objects or namespaces.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
} satisfies InitOptions;
