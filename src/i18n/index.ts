export { LANGUAGES, messagesFor, resolveLanguage } from './messages.ts';
export type { Language, Messages } from './messages.ts';
