import { describe, expect, it } from 'vitest';
import { applyDialPlan } from '../../../src/platforms/sip/dial-plan.ts';
import { MAX_POP_VALUE_LENGTH, parsePopHeaders, popDataFromHeaders } from '../../../src/platforms/sip/pop-data.ts';
import { readFileSync } from 'node:fs';
import { settingsFromCallCenterXml } from '../../../src/config/call-center-xml.ts';
import { sipPlatformSettings } from '../../../src/config/sip-platform-settings.ts';
import { SIP_PLATFORM_DEFAULTS, sipSectionUnset } from '../../../src/config/sip-platform-defaults.ts';
import { supervisionDialString } from '../../../src/platforms/sip/dial-plan.ts';

const plan = { outsidePrefix: '0', internalLengths: { min: 3, max: 5 } };

describe('the sip dial plan (seed 002: a prefix on every number except internal extensions)', () => {
  it.each([
    ['1001', '1001', true],
    ['(011) 5555-0000', '001155550000', false],
    ['+54 9 11 5555 0000', '0+5491155550000', false],
    ['*43', '*43', true],
  ])('dials %s as %s', (typed, user, internal) => {
    expect(applyDialPlan(typed, plan)).toEqual({ ok: true, user, internal });
  });

  it.each(['', 'abc', '1001<script>', '1'.repeat(40), '*4a', '15#'])('refuses %j saying why', (typed) => {
    const result = applyDialPlan(typed, plan);
    expect(result.ok).toBe(false);
  });
});

describe('pop data from INVITE headers', () => {
  const map = { crmKey: 'X-CRM-Id', contactId: 'X-Contact-Id', callCampaing: 'X-Campaign' } as const;

  it('maps the configured headers onto the Neotel pop keys, case-insensitively', () => {
    expect(popDataFromHeaders(map, { 'x-crm-id': '001A', 'X-Contact-Id': ' 003B ' }).values).toEqual({ crmKey: '001A', contactId: '003B' });
  });

  it('keeps <script> as plain text (the UI renders text), and drops CRLF and huge values without cutting them', () => {
    const data = popDataFromHeaders(map, { 'X-Campaign': '<script>alert(1)</script>', 'X-CRM-Id': '001\r\nX-Evil: 1', 'X-Contact-Id': 'x'.repeat(MAX_POP_VALUE_LENGTH + 1) });
    expect(data.values).toEqual({ callCampaing: '<script>alert(1)</script>' });
    expect(data.dropped).toEqual(['X-CRM-Id: has control characters or line breaks', `X-Contact-Id: ${MAX_POP_VALUE_LENGTH + 1} characters, more than ${MAX_POP_VALUE_LENGTH}`]);
    expect(data.dropped.join()).not.toContain('X-Evil');
  });

  it.each([
    ['crmKey=X-CRM-Id; crmKey=X-Other', /mapped twice/],
    ['nope=X-A', /unknown key "nope"/],
    ['crmKey=X CRM', /not a SIP header name/],
    ['crmKey=X-A; contactId=x-a', /feeds two keys/],
    ['crmKey', /not key=Header-Name/],
  ])('refuses the setting %j', (text, problem) => {
    const parsed = parsePopHeaders(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe('the sipPlatform section as shipped, without its parsers (they are fetched only when it is changed)', () => {
  const shipped = settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8'));

  it('takes the section of callcenter-definition.xml, or none at all, as unset: validating it gives exactly the defaults', () => {
    for (const settings of [shipped, {}, { '/sipPlatform/telephonyPlatform': ' Neotel ', '/sipPlatform/sipInternalExtensionDigits': '3 - 5', '/sipPlatform/sipConference': 'BROWSER' }]) {
      expect(sipSectionUnset(settings), JSON.stringify(settings).slice(0, 80)).toBe(true);
      const validated = sipPlatformSettings(settings);
      expect(validated.ok).toBe(true);
      expect(validated.value).toEqual(SIP_PLATFORM_DEFAULTS);
    }
  });

  it.each([
    ['telephonyPlatform', 'sip'],
    ['telephonyPlatform', 'asterisk'],
    ['sipInternalExtensionDigits', '4'],
    ['sipNotReadyStatus', '603'],
    ['sipRecordingHook', 'GET https://rec.example.com/{callId}'],
    ['sipHookSecret', 'k'],
    ['sipHookSecrett', 'a misspelt item'],
  ])('validates the section when %s is %j (a change, valid or not, is checked and named)', (item, value) => {
    expect(sipSectionUnset({ ...shipped, [`/sipPlatform/${item}`]: value })).toBe(false);
  });
});

describe('the sipPlatform settings section', () => {
  it('defaults to the neotel platform with nothing set', () => {
    const result = sipPlatformSettings({});
    expect(result.ok).toBe(true);
    expect(result.value.telephonyPlatform).toBe('neotel');
    expect(result.value.notReadyStatus).toBe(486);
    expect(result.value.conference).toEqual({ mode: 'browser' });
    expect(result.value.supervision).toEqual({ listen: null, whisper: null, barge: null });
  });

  it('reads a full sip deployment', () => {
    const result = sipPlatformSettings({
      '/sipPlatform/telephonyPlatform': 'sip',
      '/sipPlatform/sipOutsidePrefix': '0',
      '/sipPlatform/sipInternalExtensionDigits': '4',
      '/sipPlatform/sipPopHeaders': 'crmKey=X-CRM-Id; recordId=X-Record-Id',
      '/sipPlatform/sipNotReadyStatus': '480',
      '/sipPlatform/sipNotReadyReasons': 'Almuerzo; Capacitación',
      '/sipPlatform/sipDtmfTransport': 'INFO',
      '/sipPlatform/sipConference': 'sip:conf-{callId}@pbx.example.com',
      '/sipPlatform/sipListenCode': '*222{ramal}',
      '/sipPlatform/sipClickToCallHook': '{"method":"POST","url":"https://pbx.example/click2call","body":"ramal={ramal}"}',
      '/sipPlatform/sipHookSecret': 'k3y',
    });
    expect(result.ok).toBe(true);
    expect(result.value.dialPlan).toEqual({ outsidePrefix: '0', internalLengths: { min: 4, max: 4 } });
    expect(result.value.notReadyReasons).toEqual(['Almuerzo', 'Capacitación']);
    expect(result.value.dtmfTransport).toBe('info');
    expect(supervisionDialString(result.value.supervision, 'listen', '1001')).toBe('*2221001');
    expect(supervisionDialString(result.value.supervision, 'barge', '1001')).toBeNull();
    expect(result.value.hooks.clickToCall?.method).toBe('POST');
  });

  it('reports every bad value with the setting, the value and what was expected — the secret hidden', () => {
    const result = sipPlatformSettings({
      '/sipPlatform/telephonyPlatform': 'asterisk',
      '/sipPlatform/sipNotReadyStatus': '603',
      '/sipPlatform/sipCallEndHook': '{"url":"http://crm.example/end?x={nope}"}',
      '/sipPlatform/sipHookSecret': 'line\nbreak-secret',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map((issue) => issue.message);
    expect(messages[0]).toBe('Setting /sipPlatform/telephonyPlatform is invalid. Received "asterisk"; expected one of neotel, sip.');
    expect(messages[1]).toMatch(/sipNotReadyStatus .*"603"; expected 486 or 480/);
    expect(messages[2]).toMatch(/sipCallEndHook is invalid: url: unknown placeholder \{nope\}/);
    expect(messages.join('\n')).not.toContain('break-secret');
    expect(messages[3]).toMatch(/sipHookSecret .*hidden/);
  });
});
