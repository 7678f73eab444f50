export { LANGUAGES, messagesFor, resolveLanguage } from './languages.ts';
export type { Language } from './languages.ts';
export type { Messages } from './messages.ts';
export { linkPageMessagesFor } from './link-page-messages.ts';
export type { LinkPageMessages } from './link-page-messages.ts';
