export { LANGUAGES, resolveLanguage } from './languages.ts';
export type { Language } from './languages.ts';
export type { Messages } from './messages.ts';
