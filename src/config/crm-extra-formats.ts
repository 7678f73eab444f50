/**
 * Formats of the settings seed 004's connector leaves to the deployment (docs/configuration.md,
 * `dialtoneCrm` and `dialtoneCalls`): the recording URL template, the Neotel campaign ↔ Salesforce
 * record table of `campaignEntityName`, and time zones for callbacks.
 */
import { RECORDING_PLACEHOLDERS, type CampaignRecord } from './config-types.ts';
import type { SettingFormat } from './settings-reader.ts';
import { accept, hasControlCharacter, refuse, type Parsed } from './value-parsers.ts';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** `recordingUrlTemplate`: an http(s) URL with `{file}` (and optionally `{callId}`, `{phone}`). */
export const RECORDING_URL_TEMPLATE: SettingFormat<string> = {
  parse: (text): Parsed<string> => {
    if (hasControlCharacter(text) || /\s/.test(text)) return refuse(RECORDING_URL_TEMPLATE.expected, 'it contains spaces or control characters');
    const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
    const unknown = names.find((n) => !(RECORDING_PLACEHOLDERS as readonly string[]).includes(n));
    if (unknown !== undefined) return refuse(RECORDING_URL_TEMPLATE.expected, `{${unknown}} is not a placeholder`);
    if (!names.includes('file') && !names.includes('callId')) return refuse(RECORDING_URL_TEMPLATE.expected, 'it names neither {file} nor {callId}');
    let url: URL;
    try {
      url = new URL(text.replace(PLACEHOLDER, 'x'));
    } catch {
      return refuse(RECORDING_URL_TEMPLATE.expected, 'it is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(RECORDING_URL_TEMPLATE.expected, `${url.protocol} is not http: or https:`);
    return accept(text);
  },
  expected: `an http(s) URL with {file} (the Position GRABACION file) or {callId}, optionally {phone}, e.g. https://neotel.example.com/recordings/{file}; ${RECORDING_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')} only`,
};

/** `campaignRecords`: `97=701Dt000001AbCdIAK|110=701…`. */
export const CAMPAIGN_RECORDS: SettingFormat<readonly CampaignRecord[]> = {
  parse: (text): Parsed<readonly CampaignRecord[]> => {
    const rows: CampaignRecord[] = [];
    for (const item of text.split('|')) {
      const trimmed = item.trim();
      if (trimmed === '') continue;
      const match = /^(\d{1,9})\s*=\s*(\S+)$/.exec(trimmed);
      if (!match || !SALESFORCE_ID.test(match[2] ?? '')) return refuse(CAMPAIGN_RECORDS.expected, `${JSON.stringify(trimmed)} is not <campaign id>=<record id>`);
      const campaign = Number(match[1]);
      if (rows.some((r) => r.campaign === campaign)) return refuse(CAMPAIGN_RECORDS.expected, `campaign ${campaign} appears twice`);
      rows.push({ campaign, recordId: match[2] ?? '' });
    }
    return accept(rows);
  },
  expected: 'Neotel campaign id=Salesforce record id pairs separated by |, e.g. 97=701Dt000001AbCdIAK|110=701Dt000001AbCeIAK',
};

/** An IANA time zone (`America/Argentina/Buenos_Aires`), as the browser's `Intl` knows it. */
export const TIME_ZONE: SettingFormat<string> = {
  parse: (text): Parsed<string> => {
    try {
      // Throws a RangeError for a zone the browser does not know; the admin's spelling is kept.
      new Intl.DateTimeFormat('en', { timeZone: text }).format(0);
      return accept(text);
    } catch {
      return refuse(TIME_ZONE.expected, `${JSON.stringify(text)} is not a time zone this browser knows`);
    }
  },
  expected: 'an IANA time zone such as America/Argentina/Buenos_Aires, Europe/Madrid or UTC',
};
