/**
 * Every refusal code of the machine has a short hint in every language: a disabled button must
 * say why in the agent's words, never show a raw code or fall back to English.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, type RefusalCode } from '../../src/call/index.ts';
import { LANGUAGES } from '../../src/i18n/index.ts';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { REFUSAL_HINTS_EN } from '../../src/i18n/texts-en.ts';
import { REFUSAL_HINTS_ES } from '../../src/i18n/texts-es.ts';
import { REFUSAL_HINTS_PT } from '../../src/i18n/texts-pt.ts';

const REFUSAL_HINTS = { en: REFUSAL_HINTS_EN, es: REFUSAL_HINTS_ES, pt: REFUSAL_HINTS_PT } as const;

/** The refusal codes `hints` has no usable sentence for. */
function missingHints(hints: Partial<Record<RefusalCode, string>>): RefusalCode[] {
  return REFUSAL_CODES.filter((code) => {
    const hint = hints[code];
    return typeof hint !== 'string' || hint.trim() === '' || hint.includes(code);
  });
}

describe('refusal hints', () => {
  it.each(LANGUAGES)('in %s, has a hint for every refusal code, reachable from the catalogue', (language) => {
    const hints = messagesFor(language).refusalHints;
    expect(hints).toBe(REFUSAL_HINTS[language]);
    expect(missingHints(hints)).toEqual([]);
    for (const code of REFUSAL_CODES) expect(hints[code].length, `${language} ${code} stays one short line`).toBeLessThanOrEqual(100);
  });

  it.each(['es', 'pt'] as const)('in %s, is translated, not the English text', (language) => {
    const untranslated = REFUSAL_CODES.filter((code) => REFUSAL_HINTS[language][code] === REFUSAL_HINTS.en[code]);
    expect(untranslated).toEqual([]);
  });

  it('fails a catalogue that lacks a code (the check is not vacuous)', () => {
    const { OPERATION_PENDING: _dropped, ...lacking } = REFUSAL_HINTS.en;
    expect(missingHints(lacking)).toEqual(['OPERATION_PENDING']);
    expect(missingHints({ ...REFUSAL_HINTS.en, NO_CALL: '  ' })).toEqual(['NO_CALL']);
  });
});
