// @ts-nocheck
import { bn } from './bn.js';
import { de } from './de.js';
import { en, type Strings } from './en.js';
import { vi } from './vi.js';

/** The page's languages, one file each. */
export const LANGUAGES: Readonly<Record<string, Strings>> = { en, de, vi, bn };
export type { Strings };

/** The first of the browser's preferred languages the page speaks (by primary subtag), else English. */
export function pickLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const primary = typeof tag === 'string' ? tag.toLowerCase().split('-')[0]! : '';
    if (Object.hasOwn(LANGUAGES, primary)) return primary;
  }
  return 'en';
}

/** Fill `{name}` placeholders (values are inserted as text by the caller's textContent, never as markup). */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}
