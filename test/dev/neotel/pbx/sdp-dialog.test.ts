import { describe, expect, it } from 'vitest';
import { audioDirection, dropWidebandTelephoneEvents, keepCandidates, telephoneEventPayloadTypes } from '../../../../dev/neotel/pbx/media/sdp.ts';
import { OutgoingInviteDialog } from '../../../../dev/neotel/pbx/sip/dialog.ts';
import { SipResponse } from '../../../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../../../dev/neotel/pbx/sip/parser.ts';
import { parseCSeq, tagOf, topVia } from '../../../../dev/neotel/pbx/sip/syntax.ts';

const CHROME_OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 110 126',
  'c=IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2113937151 127.0.0.1 50000 typ host generation 0',
  'a=candidate:2 1 udp 2113937151 192.0.2.2 50001 typ host generation 0',
  'a=candidate:3 1 udp 2113937151 4f2a.local 50002 typ host generation 0',
  'a=candidate:4 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0',
  'a=sendonly',
  'a=rtpmap:111 opus/48000/2', 'a=rtcp-fb:111 transport-cc', 'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:110 telephone-event/48000', 'a=rtpmap:126 telephone-event/8000',
  '',
].join('\r\n');

describe('SDP fixes around werift', () => {
  it('keeps only UDP candidates on the allowed address (drops LAN, mDNS and TCP)', () => {
    const candidates = keepCandidates(CHROME_OFFER).split('\r\n').filter((line) => line.startsWith('a=candidate'));
    expect(candidates).toEqual(['a=candidate:1 1 udp 2113937151 127.0.0.1 50000 typ host generation 0']);
  });

  it('removes telephone-event/48000 from the m= line and its attributes, keeping /8000', () => {
    const fixed = dropWidebandTelephoneEvents(CHROME_OFFER);
    expect(fixed).toContain('m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 126\r\n');
    expect(fixed).not.toContain('telephone-event/48000');
    expect([...telephoneEventPayloadTypes(fixed)]).toEqual([126]);
  });

  it('reads the audio direction from the media section, then session level, default sendrecv', () => {
    expect(audioDirection(CHROME_OFFER)).toBe('sendonly');
    expect(audioDirection(CHROME_OFFER.replace('a=sendonly', 'a=inactive'))).toBe('inactive');
    expect(audioDirection('v=0\r\na=recvonly\r\nm=audio 9 RTP/AVP 0\r\n')).toBe('recvonly');
    expect(audioDirection('v=0\r\nm=audio 9 RTP/AVP 0\r\n')).toBe('sendrecv');
    expect(audioDirection('v=0\r\nm=audio 0 RTP/AVP 0\r\na=sendrecv\r\n')).toBe('inactive');
  });
});

describe('outgoing INVITE dialog', () => {
  const dialog = new OutgoingInviteDialog({
    requestUri: 'sip:k3j@x.invalid;transport=ws', fromUri: 'sip:600111222@pbx', fromDisplayName: 'Ana "La" Pérez',
    toUri: 'sip:1001@pbx', contactUri: 'sip:pbx@pbx;transport=ws', viaHost: 'pbx',
    headers: { 'X-Neotel-CallId': '42' }, sdp: 'v=0\r\n',
  });

  it('builds an INVITE that parses back with our tag, branch, CSeq 1 and the extra headers', () => {
    const parsed = parseSipMessage(dialog.invite.serialize());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.message.kind !== 'request') return;
    expect(parsed.message.uri).toBe('sip:k3j@x.invalid;transport=ws');
    expect(parsed.message.get('from')).toBe(`"Ana \\"La\\" Pérez" <sip:600111222@pbx>;tag=${dialog.localTag}`);
    expect(topVia(parsed.message.getAll('via'))?.params.branch).toBe(dialog.inviteBranch);
    expect(parsed.message.get('x-neotel-callid')).toBe('42');
    expect(parsed.message.get('content-type')).toBe('application/sdp');
  });

  it('CANCELs on the INVITE branch and CSeq number, and ACKs a failure on the same branch', () => {
    const cancel = dialog.cancel();
    expect(topVia(cancel.getAll('via'))?.params.branch).toBe(dialog.inviteBranch);
    expect(cancel.get('cseq')).toBe('1 CANCEL');
    const busy = new SipResponse(486, 'Busy Here').add('To', '<sip:1001@pbx>;tag=b1');
    const ack = dialog.ackForFailure(busy);
    expect(topVia(ack.getAll('via'))?.params.branch).toBe(dialog.inviteBranch);
    expect(tagOf(ack.get('to'))).toBe('b1');
  });

  it('after a 2xx sends ACK and BYE to the Contact of the answer, with the remote tag and rising CSeq', () => {
    const ok = new SipResponse(200, 'OK').add('To', '<sip:1001@pbx>;tag=r9').add('Contact', '<sip:k3j@x.invalid;transport=ws;ob>');
    dialog.confirm(ok);
    const ack = dialog.ackFor2xx();
    expect(ack.uri).toBe('sip:k3j@x.invalid;transport=ws;ob');
    expect(topVia(ack.getAll('via'))?.params.branch).not.toBe(dialog.inviteBranch);
    expect(ack.get('cseq')).toBe('1 ACK');
    const bye = dialog.request('BYE');
    expect(tagOf(bye.get('to'))).toBe('r9');
    expect(parseCSeq(bye.get('cseq'))).toEqual({ seq: 2, method: 'BYE' });
  });

  it('accepts rising CSeqs from the browser and refuses a repeated one', () => {
    expect(dialog.acceptRemoteSeq(5, 'INVITE')).toBe(true);
    expect(dialog.acceptRemoteSeq(5, 'ACK')).toBe(true);
    expect(dialog.acceptRemoteSeq(5, 'BYE')).toBe(false);
    expect(dialog.acceptRemoteSeq(6, 'BYE')).toBe(true);
  });
});

describe('SIP INFO DTMF', () => {
  it('reads sip.js dtmf-relay bodies and bare application/dtmf digits', async () => {
    const { infoDtmfDigit } = await import('../../../../dev/neotel/pbx/sip/info-dtmf.ts');
    expect(infoDtmfDigit('application/dtmf-relay', 'Signal=5\r\nDuration=2000')).toBe('5');
    expect(infoDtmfDigit('Application/DTMF-Relay; charset=x', 'Duration=160\r\nSignal= #\r\n')).toBe('#');
    expect(infoDtmfDigit('application/dtmf', ' a ')).toBe('A');
    expect(infoDtmfDigit('application/dtmf-relay', 'Signal=12')).toBeUndefined();
    expect(infoDtmfDigit('text/plain', 'Signal=5')).toBeUndefined();
    expect(infoDtmfDigit(undefined, '5')).toBeUndefined();
  });
});
