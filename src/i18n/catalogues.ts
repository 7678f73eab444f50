/**
 * All three catalogues at once, synchronously: for Node code and tests. The browser never imports
 * this module; it fetches only the language on screen (src/i18n/lazy.ts).
 */
import { en } from './en.ts';
import { es } from './es.ts';
import type { Language } from './languages.ts';
import type { Messages } from './messages.ts';
import { pt } from './pt.ts';

const catalogues: Readonly<Record<Language, Messages>> = { en, es, pt };

/** The catalogue for a language. */
export function messagesFor(language: Language): Messages {
  return catalogues[language];
}
