/** Languages with a complete catalogue. */
export const LANGUAGES = ['es', 'pt', 'en'] as const;
/** A language Dialtone has a complete catalogue for. */
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name (an agent looks for the language they read, in it). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { es: 'Español', pt: 'Português', en: 'English' };

/**
 * Picks the UI language: an explicit setting wins; `auto` (or nothing) takes the first browser
 * language we have a catalogue for (`pt-BR` → `pt`), falling back to Spanish, the language of the
 * Neotel deployments this product comes from.
 */
export function resolveLanguage(setting: string | undefined, browserLanguages: readonly string[]): Language {
  const wanted = setting?.trim().toLowerCase();
  if (wanted && isLanguage(wanted)) return wanted;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'es';
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
