import { describe, expect, it } from 'vitest';
import { LANGUAGES, messagesFor, resolveLanguage } from '../../src/i18n/index.ts';

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

describe('catalogues', () => {
  it('give every language a non-empty text for every message', () => {
    const keys = Object.keys(messagesFor('en'));
    for (const lang of LANGUAGES) {
      const m = messagesFor(lang) as unknown as Record<string, unknown>;
      expect(Object.keys(m).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const value = m[key];
        const text = typeof value === 'function' ? String((value as (a: unknown) => unknown)(2)) : String(value);
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });
  it('translate rather than copy: Spanish and Portuguese differ from English', () => {
    expect(messagesFor('es').configErrorTitle).not.toBe(messagesFor('en').configErrorTitle);
    expect(messagesFor('pt').configErrorTitle).not.toBe(messagesFor('en').configErrorTitle);
  });
});
