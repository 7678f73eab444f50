import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { STATUS_MENU_MESSAGES, statusMenuMessages, type StatusMenuMessages } from '../../src/i18n/status-menu-messages.ts';

/** Every text of a catalogue, the functions called with a sample. */
const textsOf = (c: StatusMenuMessages): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(c).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  minutesInStatus: c.minutesInStatus(65),
  inStatusSince: c.inStatusSince('19:04'),
});

describe('the status menu catalogue', () => {
  it('has every text in es, pt and en, none empty', () => {
    for (const language of LANGUAGES) {
      const catalogue = STATUS_MENU_MESSAGES[language];
      for (const [key, text] of Object.entries(textsOf(catalogue))) expect(text.trim(), `${language}.${key}`).not.toBe('');
      expect(Object.keys(catalogue).sort(), language).toEqual(Object.keys(STATUS_MENU_MESSAGES.en).sort());
    }
  });

  it('is translated: no Spanish or Portuguese text left in English', () => {
    const [en, es, pt] = [textsOf(STATUS_MENU_MESSAGES.en), textsOf(STATUS_MENU_MESSAGES.es), textsOf(STATUS_MENU_MESSAGES.pt)];
    // `min` and `h` are the unit symbols in all three languages.
    for (const key of Object.keys(en).filter((k) => k !== 'minutesInStatus')) {
      expect(es[key], `es.${key}`).not.toBe(en[key]);
      expect(pt[key], `pt.${key}`).not.toBe(en[key]);
    }
  });

  it('shows the time in status in whole minutes, hours past the hour', () => {
    const { minutesInStatus } = statusMenuMessages('es-ES');
    expect([0, 1, 59, 60, 65, 600].map(minutesInStatus)).toEqual(['<1 min', '1 min', '59 min', '1 h 00 min', '1 h 05 min', '10 h 00 min']);
  });

  it('picks the catalogue by the shell locale, English when the language is not one of ours', () => {
    expect(statusMenuMessages('es-AR').changeStatus).toBe('Cambiar estado');
    expect(statusMenuMessages('pt-BR').changeStatus).toBe('Mudar status');
    expect(statusMenuMessages('en').changeStatus).toBe('Change status');
    expect(statusMenuMessages('fr-FR').changeStatus).toBe('Change status');
  });
});
