import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { LANGUAGES, resolveLanguage } from '../../src/i18n/index.ts';

describe('resolveLanguage', () => {
  it('uses the language the call center sets, whatever the browser says', () => {
    expect(resolveLanguage('pt', ['en-US'])).toBe('pt');
  });
  it('takes the first supported browser language when the setting is auto', () => {
    expect(resolveLanguage('auto', ['fr-FR', 'pt-BR', 'en'])).toBe('pt');
  });
  it('falls back to Spanish when nothing matches', () => {
    expect(resolveLanguage(undefined, ['fr', 'de'])).toBe('es');
  });
});

describe('messagesFor', () => {
  it('gives each language its own catalogue', () => {
    const titles = LANGUAGES.map((lang) => messagesFor(lang).configErrorTitle);
    expect(new Set(titles).size).toBe(LANGUAGES.length);
  });
});
