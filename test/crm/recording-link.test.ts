import { describe, expect, it } from 'vitest';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import { neotelRecordingUrl, recordingUrlOfDescription, renderRecordingUrl, withRecordingLink } from '../../src/crm/recording-link.ts';

const recorded = (file: string | null): CallFacts =>
  newCall('inbound', 1000, {
    callId: '883545' as CallFacts['callId'],
    number: '+54 11 4555-1234',
    platformData: { dialer: null, reason: null, outboundCrm: null, outboundBase: null, outboundCampaign: null, recordingFile: file },
  });

describe('recording link', () => {
  it('fills the template with the file, call id and number, URL-encoded', () => {
    expect(neotelRecordingUrl('https://rec.example.com/r/{file}?id={callId}&tel={phone}', recorded('1145551234-883545-20261205.mp3'))).toBe(
      'https://rec.example.com/r/1145551234-883545-20261205.mp3?id=883545&tel=%2B54%2011%204555-1234',
    );
    expect(renderRecordingUrl('https://x/{file}', { file: '../a b.mp3' })).toBe('https://x/..%2Fa%20b.mp3');
  });

  it('gives no link without a template or without a recording file', () => {
    expect(neotelRecordingUrl(null, recorded('a.mp3'))).toBeNull();
    expect(neotelRecordingUrl('https://x/{file}', recorded(null))).toBeNull();
    expect(neotelRecordingUrl('https://x/{file}', newCall('inbound', 1))).toBeNull();
  });

  it('names the placeholder and the template when a value is missing or unknown', () => {
    expect(() => renderRecordingUrl('https://x/{file}/{phone}', { file: 'a.mp3' })).toThrow(/no phone for \{phone\}/);
    expect(() => renderRecordingUrl('https://x/{agent}', {})).toThrow(/unknown placeholder \{agent\}/);
  });

  it('writes the URL into the chosen field and once into the Description', () => {
    const first = withRecordingLink({ Subject: 'Call', Description: 'Number: 1\nDirection: inbound' }, 'https://x/a.mp3', 'Recording__c');
    expect(first).toEqual({ Subject: 'Call', Description: 'Number: 1\nDirection: inbound\nRecording: https://x/a.mp3', Recording__c: 'https://x/a.mp3' });
    const again = withRecordingLink(first, 'https://x/b.mp3', null);
    expect(again.Description).toBe('Number: 1\nDirection: inbound\nRecording: https://x/b.mp3');
    expect(recordingUrlOfDescription(again.Description)).toBe('https://x/b.mp3');
    expect(withRecordingLink({ Subject: 'Call' }, null, 'Recording__c')).toEqual({ Subject: 'Call' });
    expect(withRecordingLink({ Subject: 'Call' }, 'https://x/a.mp3', null)).toEqual({ Subject: 'Call', Description: 'Recording: https://x/a.mp3' });
  });
});
