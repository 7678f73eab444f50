/**
 * The catalogues as the browser loads them: only the language on screen is fetched (each is
 * ~5 KB gzip; the three together were a quarter of the start-up bundle, docs/benchmarks.md
 * "Size"). `messagesFor` (languages.ts) stays the synchronous lookup for Node code and tests.
 */
import type { Language } from './languages.ts';
import type { Messages } from './messages.ts';

const LOADERS: Readonly<Record<Language, () => Promise<Messages>>> = {
  es: () => import('./es.ts').then((module) => module.es),
  pt: () => import('./pt.ts').then((module) => module.pt),
  en: () => import('./en.ts').then((module) => module.en),
};

const loaded = new Map<Language, Messages>();
const pending = new Map<Language, Promise<Messages>>();

/** The catalogue of `language` if it has arrived; `undefined` until then (start it with {@link loadMessages}). */
export function loadedMessages(language: Language): Messages | undefined {
  return loaded.get(language);
}

/** Fetches the catalogue of `language` once; a failed fetch is forgotten so the next call tries again. */
export function loadMessages(language: Language): Promise<Messages> {
  const known = loaded.get(language);
  if (known) return Promise.resolve(known);
  let request = pending.get(language);
  if (!request) {
    request = LOADERS[language]().then(
      (messages) => {
        loaded.set(language, messages);
        pending.delete(language);
        return messages;
      },
      (error: unknown) => {
        pending.delete(language);
        throw error;
      },
    );
    pending.set(language, request);
  }
  return request;
}
