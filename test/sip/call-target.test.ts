/** What SipPhone.call(target) dials: numbers, SIP users, user@host and full URIs, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { callTargetUri, outgoingCallInfo, SipPhoneError } from '../../src/sip/index.ts';

const DOMAIN = 'pbx.example';

describe('callTargetUri', () => {
  const accepted: readonly (readonly [target: string, uri: string, why: string])[] = [
    ['1001', 'sip:1001@pbx.example', 'an extension goes to the phone\'s own domain'],
    ['+54 9 11 5555-0000', 'sip:+5491155550000@pbx.example', 'spaces and dashes people type are dropped'],
    ['(011) 4555.0000', 'sip:01145550000@pbx.example', 'parentheses and dots are visual separators too'],
    ['*43', 'sip:*43@pbx.example', 'feature codes keep their star'],
    ['12#', 'sip:12%23@pbx.example', '# is escaped: it is not allowed raw in a SIP user part'],
    ['customer', 'sip:customer@pbx.example', 'a SIP user name'],
    ['agent.smith', 'sip:agent.smith@pbx.example', 'dots inside a user name stay'],
    ['  1001  ', 'sip:1001@pbx.example', 'surrounding blanks are trimmed'],
    ['bob@other.example', 'sip:bob@other.example', 'user@host goes to that host'],
    ['bob@127.0.0.1:5066', 'sip:bob@127.0.0.1:5066', 'a host may carry a port'],
    ['sip:bob@other.example;transport=ws', 'sip:bob@other.example;transport=ws', 'a full SIP URI is kept as given'],
    ['SIPS:bob@other.example', 'SIPS:bob@other.example', 'the scheme is case-insensitive'],
  ];
  for (const [target, uri, why] of accepted) {
    it(`dials ${JSON.stringify(target)} as ${uri}: ${why}`, () => {
      expect(callTargetUri(target, DOMAIN)).toBe(uri);
    });
  }

  const refused: readonly (readonly [target: string, message: RegExp])[] = [
    ['', /it has no number or user/],
    ['   ', /it has no number or user/],
    ['+', /it has no number or user/],
    ['john smith', /characters a SIP user cannot carry/],
    ['<sip:bob@x>', /host "x>" of the target is not a host name/],
    ['bob@', /host "" of the target is not a host name/],
    ['bob@bad host', /host "bad host" of the target/],
    ['sip:', /characters a SIP user cannot carry/],
  ];
  for (const [target, message] of refused) {
    it(`refuses ${JSON.stringify(target)} with invalid-target, naming the value and the expected forms`, () => {
      const error = (() => {
        try {
          callTargetUri(target, DOMAIN);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(SipPhoneError);
      expect((error as SipPhoneError).code).toBe('invalid-target');
      expect((error as SipPhoneError).message).toMatch(message);
      expect((error as SipPhoneError).message).toContain(`call(${JSON.stringify(target)})`);
      expect((error as SipPhoneError).message).toMatch(/expected a number such as 1001/);
    });
  }

  it('refuses every target when the phone\'s own sipDomain is not a host', () => {
    expect(() => callTargetUri('1001', 'not a host')).toThrow(/the phone's sipDomain "not a host" is not a host name/);
  });
});

describe('outgoingCallInfo', () => {
  it('names the far party by the user part dialled, decoded, with no platform call id', () => {
    expect(outgoingCallInfo('abc@host', 'sip:12%23@pbx.example')).toEqual({
      sipCallId: 'abc@host',
      platformCallId: null,
      leg: 'unknown',
      answerAfterSeconds: null,
      callerNumber: '12#',
      callerName: null,
    });
  });

  it('says anonymous when the URI has no user part', () => {
    expect(outgoingCallInfo('abc', 'sip:pbx.example').callerNumber).toBe('anonymous');
  });
});
