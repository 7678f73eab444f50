import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { STATUS_MENU_MESSAGES, statusMenuMessages } from '../../src/i18n/status-menu-messages.ts';

describe('the status menu catalogue', () => {
  it('has every text in es, pt and en, none empty', () => {
    for (const language of LANGUAGES) {
      const catalogue = STATUS_MENU_MESSAGES[language];
      for (const [key, text] of Object.entries(catalogue) as [string, string][]) expect(text.trim(), `${language}.${key}`).not.toBe('');
      expect(Object.keys(catalogue).sort(), language).toEqual(Object.keys(STATUS_MENU_MESSAGES.en).sort());
    }
  });

  it('is translated: no Spanish or Portuguese text left in English', () => {
    for (const key of Object.keys(STATUS_MENU_MESSAGES.en) as (keyof typeof STATUS_MENU_MESSAGES.en)[]) {
      expect(STATUS_MENU_MESSAGES.es[key], `es.${key}`).not.toBe(STATUS_MENU_MESSAGES.en[key]);
      expect(STATUS_MENU_MESSAGES.pt[key], `pt.${key}`).not.toBe(STATUS_MENU_MESSAGES.en[key]);
    }
  });

  it('picks the catalogue by the shell locale, English when the language is not one of ours', () => {
    expect(statusMenuMessages('es-AR').changeStatus).toBe('Cambiar estado');
    expect(statusMenuMessages('pt-BR').changeStatus).toBe('Mudar status');
    expect(statusMenuMessages('en').changeStatus).toBe('Change status');
    expect(statusMenuMessages('fr-FR').changeStatus).toBe('Change status');
  });
});
