import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { deskActionsMessages } from '../../src/i18n/desk-actions-messages.ts';
import { linkPageMessagesFor } from '../../src/i18n/link-page-messages.ts';
import { statusMenuMessages } from '../../src/i18n/status-menu-messages.ts';
import { LANGUAGES } from '../../src/i18n/index.ts';
import type { Language, Messages } from '../../src/i18n/index.ts';

/** Top-level messages that take data. */
type FunctionKey = { [K in keyof Messages]: Messages[K] extends (...args: never[]) => string ? K : never }[keyof Messages];

/**
 * Sample arguments for every function message. Typed by the interface, so adding a function message
 * without a sample here fails to compile rather than going untested. Strings are distinctive markers
 * and numbers unlikely to appear in any text, so finding them in the output proves they were used.
 */
const SAMPLES: { readonly [K in FunctionKey]: Parameters<Messages[K]> } = {
  standaloneReason: ['<DETAIL>'],
  untrustedOriginBody: ['<ORIGIN>'],
  configErrorIntro: [4711],
  settingsUnavailableBody: ['<DETAIL>'],
  languageFollowSalesforce: ['<LANGUAGE>'],
  loginDeviceAs: ['<LOGIN>'],
  fieldRequired: ['<FIELD>'],
  campaignNotANumber: ['<RECEIVED>'],
  statusOnBreak: ['<BREAK>'],
  statusInCampaign: ['<CAMPAIGN>'],
  breakName: [4712],
  campaignName: [4713],
  queueName: [4714],
  callingNumber: ['<NUMBER>'],
  inCallWith: ['<NUMBER>'],
  dispositionSaved: ['<DISPOSITION>'],
  autoReleaseIn: ['<TIME>'],
  autoReleaseSeconds: [4715],
  callbackPast: ['<NOW>'],
  pendingLogs: [4716],
  failedLogs: [4726],
  monitorAgentOption: ['<NAME>', '<ID>'],
  monitorStarting: ['<AGENT>'],
  monitorListening: ['<AGENT>'],
  monitorAssisting: ['<AGENT>'],
  monitorBarging: ['<AGENT>'],
  monitorFailed: ['<DETAIL>'],
  monitoredListen: ['<SUPERVISOR>'],
  monitoredAssist: ['<SUPERVISOR>'],
  monitoredBarge: ['<SUPERVISOR>'],
  transferInFlight: ['<TARGET>'],
  transferConsulting: ['<TARGET>'],
  conferenceRemove: ['<NAME>'],
};

/** Sample arguments of the attendant messages (`attendant.*`, src/i18n/attendant-messages.ts). */
const ATTENDANT_SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  historyKept: [50],
  talked: ['<CLOCK>'],
  redialLabel: ['<WHO>'],
  showInCrmLabel: ['<WHAT>'],
  linksFailed: ['<DETAIL>'],
};

/** Sample arguments of the seed 004 connector messages (`connector.*`, src/i18n/connector-messages.ts). */
const CONNECTOR_SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  customerTime: ['<ZONE>'],
  agentTime: ['<TIME>'],
};

/** The number every `dialRefused` message is given. */
const REFUSED_NUMBER = '<TYPED>';

/** Whether each refusal quotes the number back; an empty input has nothing to quote. */
const REFUSAL_QUOTES_NUMBER: Readonly<Record<keyof Messages['dialRefused'], boolean>> = {
  empty: false,
  tooShort: true,
  tooLong: true,
  invalidCharacters: true,
  notANumber: true,
};

/**
 * Texts identical in English and in a translation on purpose: product and brand names, acronyms.
 * Anything else equal to the English text is English left untranslated.
 */
const SAME_IN_EVERY_LANGUAGE: ReadonlySet<string> = new Set(['Dialtone', 'OK', 'CRM', 'SIP', 'Salesforce', 'SMS', 'WhatsApp', ' (Unicode)']);

/** One rendered message: where it sits in the catalogue, the arguments it got, the text it gave. */
interface Rendered {
  readonly path: string;
  readonly args: readonly unknown[];
  readonly text: unknown;
}

/** Arguments for the message at `path`, or undefined when the test has none for it. */
function sampleFor(path: string): readonly unknown[] | undefined {
  const [top, nested] = path.split('.');
  if (top === 'dialRefused' && nested !== undefined) return [REFUSED_NUMBER];
  if (top === 'attendant' && nested !== undefined) return Object.hasOwn(ATTENDANT_SAMPLES, nested) ? ATTENDANT_SAMPLES[nested] : undefined;
  if (top === 'health' && nested === 'blockedHint') return ['<REASON>'];
  if (top === 'connector' && nested !== undefined) return Object.hasOwn(CONNECTOR_SAMPLES, nested) ? CONNECTOR_SAMPLES[nested] : undefined;
  return Object.hasOwn(SAMPLES, top ?? '') ? SAMPLES[top as FunctionKey] : undefined;
}

/** Every message of a catalogue, nested records (`notices.loginFailed`) included, rendered to text. */
function render(messages: Messages): Rendered[] {
  const out: Rendered[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'function') {
      const args = sampleFor(path);
      if (args === undefined) throw new Error(`No sample arguments for the function message ${path}; add them to SAMPLES.`);
      const fn = value as (...a: readonly unknown[]) => unknown;
      out.push({ path, args, text: fn(...args) });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    } else {
      out.push({ path, args: [], text: value });
    }
  };
  walk(messages, '');
  return out;
}

/** Whether the message at `path` must show its arguments (every one but the empty-input refusal). */
function quotesItsArguments(path: string): boolean {
  const [top, nested] = path.split('.');
  return top !== 'dialRefused' || REFUSAL_QUOTES_NUMBER[nested as keyof Messages['dialRefused']];
}

const english = render(messagesFor('en'));
const englishText = new Map(english.map((r) => [r.path, r.text]));

/** Messages whose text is exactly the English one, minus the allowed names and bare numbers. */
function untranslated(rendered: readonly Rendered[]): string[] {
  return rendered
    .filter((r) => r.text === englishText.get(r.path))
    .filter((r) => !SAME_IN_EVERY_LANGUAGE.has(String(r.text)) && !/^\d+$/.test(String(r.text)))
    .map((r) => `${r.path}: ${String(r.text)}`);
}

describe.each(LANGUAGES)('the %s catalogue', (language: Language) => {
  const rendered = render(messagesFor(language));

  it('has exactly the messages of the English catalogue, nested ones included', () => {
    expect(rendered.map((r) => r.path).sort()).toEqual(english.map((r) => r.path).sort());
  });

  it('gives every message, plain or rendered from sample arguments, a non-empty string', () => {
    const bad = rendered.filter((r) => typeof r.text !== 'string' || r.text.trim() === '').map((r) => r.path);
    expect(bad).toEqual([]);
  });

  it('renders no leftover of a broken template (undefined, NaN, [object …], ${…})', () => {
    const bad = rendered.filter((r) => /undefined|NaN|\[object |\$\{/.test(String(r.text))).map((r) => `${r.path}: ${String(r.text)}`);
    expect(bad).toEqual([]);
  });

  it('puts the data it is given into the text', () => {
    const missing = rendered
      .filter((r) => quotesItsArguments(r.path))
      .flatMap((r) => r.args.filter((arg) => !String(r.text).includes(String(arg))).map((arg) => `${r.path}(${String(arg)}): ${String(r.text)}`));
    expect(missing).toEqual([]);
  });

  it('words a single configuration problem differently from several', () => {
    const m = messagesFor(language);
    expect(m.configErrorIntro(1).trim()).not.toBe('');
    expect(m.configErrorIntro(1)).not.toBe(m.configErrorIntro(2).replace('2', '1'));
  });

  it.skipIf(language === 'en')('leaves no English text untranslated', () => {
    expect(untranslated(rendered)).toEqual([]);
  });
});

describe('the untranslated-text check', () => {
  it('reports an English text copied into another catalogue, and only that one', () => {
    const copy: Messages = { ...messagesFor('es'), hangUp: messagesFor('en').hangUp };
    expect(untranslated(render(copy))).toEqual(['hangUp: Hang up']);
  });
});

/**
 * Words only the tú register uses (pronouns, possessives and second-person verb forms that no
 * usted sentence has). The Spanish catalogues speak to the agent as usted (src/i18n/es.ts); a
 * sentence in tú beside them reads as two voices in one panel. (Letters by `\p{L}`: `\b` is ASCII-only.)
 */
const TU_FORMS = /(?<!\p{L})(tú|tu|tus|te|ti|contigo|puedes|tienes|atiendes|haces|quieres|debes|estás|eres|haz|déjalo|déjala)(?!\p{L})/iu;

/** Every text of a catalogue object, its function messages called with placeholder arguments. */
function textsOf(value: unknown, path: string): string[] {
  if (typeof value === 'function') return [`${path}: ${String((value as (...a: unknown[]) => unknown)('<A>', 2, '<C>'))}`];
  if (typeof value === 'string') return [`${path}: ${value}`];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, `${path}.${key}`));
}

/** Every text an agent of `language` can meet, `path: text`. */
function everyText(language: Language): string[] {
  return [
    ...textsOf(messagesFor(language), 'messages'),
    ...textsOf(deskActionsMessages(language), 'deskActions'),
    ...textsOf(statusMenuMessages(language), 'statusMenu'),
    ...textsOf(linkPageMessagesFor(language), 'linkPage'),
  ];
}

/** The texts of `language` (their text, not their path) that match `pattern`. */
function matching(language: Language, pattern: RegExp): string[] {
  return everyText(language).filter((text) => pattern.test(text.slice(text.indexOf(': ') + 2)));
}

describe('the Spanish texts', () => {
  it('use one word for each thing the panel names: descanso (not pausa), tipificar (not categorizar), rellamada (not llamado), icono', () => {
    expect(matching('es', /(?<!\p{L})(pausa|pausas|llamado|ícono)(?!\p{L})|categori[cz]/iu)).toEqual([]);
  });

  it('address the agent as usted everywhere (panel, desk actions, status menu, phone-link page), never as tú', () => {
    expect(everyText('es').length).toBeGreaterThan(400);
    expect(matching('es', TU_FORMS)).toEqual([]);
  });
});

describe('the Portuguese texts', () => {
  it('are Brazilian in their quotation marks (“ ”, not « » or straight quotes) and say tabular, not categorizar', () => {
    expect(matching('pt', /[«»"]|categoriz/iu)).toEqual([]);
  });
});
