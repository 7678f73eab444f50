/**
 * The charset an answer declares is the one it is read with: a Latin-1 Position reads `Muñoz`,
 * never `Mu�oz`; what cannot be read truly is refused with a message naming the charset.
 */
import { describe, expect, it } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { decodeAnswer } from '../../../src/platforms/neotel/wire-response.ts';
import { FakeFetch, type Reply } from './fake-fetch.ts';

const SERVICE = 'http://neotel.test/neoapi/webservice.asmx';

/** Bytes of `text` in ISO-8859-1 (every character here is below U+0100). */
function latin1(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function stringAnswer(encoding: string, text: string): string {
  return `<?xml version="1.0" encoding="${encoding}"?>\r\n<string xmlns="http://tempuri.org/">${text}</string>`;
}

async function positionWith(reply: Reply): Promise<string> {
  const fake = new FakeFetch().reply(reply);
  return new NeoApiClient({ serviceUrl: SERVICE, binding: 'GET', timeoutMs: 5000, fetch: fake.fetch }).position('1001');
}

const POSITION = 'USUARIO=1001|NOMBRE=José Muñoz|CLAVE=Peña;|';

describe('answer charsets', () => {
  it('reads a body in the charset its Content-Type declares', async () => {
    await expect(positionWith({ status: 200, body: latin1(stringAnswer('iso-8859-1', POSITION)), contentType: 'text/xml; charset=iso-8859-1' })).resolves.toBe(POSITION);
    await expect(positionWith({ status: 200, body: latin1(stringAnswer('iso-8859-1', POSITION)), contentType: 'text/xml; charset="ISO-8859-1"' })).resolves.toBe(POSITION);
  });

  it('reads a body in the encoding its XML declaration names when the Content-Type has no charset', async () => {
    await expect(positionWith({ status: 200, body: latin1(stringAnswer('ISO-8859-1', POSITION)), contentType: 'text/xml' })).resolves.toBe(POSITION);
  });

  it('lets the Content-Type charset override the XML declaration, as HTTP requires', async () => {
    const utf8 = new TextEncoder().encode(stringAnswer('iso-8859-1', POSITION));
    await expect(positionWith({ status: 200, body: utf8, contentType: 'text/xml; charset=utf-8' })).resolves.toBe(POSITION);
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = stringAnswer('utf-16', POSITION);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    await expect(positionWith({ status: 200, body: bytes, contentType: 'text/xml' })).resolves.toBe(POSITION);
  });

  it('reads a body with no declaration at all as UTF-8', async () => {
    const body = new TextEncoder().encode(`<string xmlns="http://tempuri.org/">${POSITION}</string>`);
    await expect(positionWith({ status: 200, body, contentType: '' })).resolves.toBe(POSITION);
  });

  it('refuses a 200 whose bytes are not UTF-8 when nothing declares another charset, naming the byte', async () => {
    const error = await positionWith({ status: 200, body: latin1(stringAnswer('utf-8', POSITION)), contentType: 'text/xml; charset=utf-8' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', status: 200 });
    const offset = stringAnswer('utf-8', POSITION).indexOf('é');
    expect((error as Error).message).toBe(
      `NeoApi Position (GET) answered HTTP 200 with bytes that are not valid utf-8 (byte ${offset}: 0xe9); the charset came from Content-Type "text/xml; charset=utf-8". Expected text in that charset: if the server writes another one (ISO-8859-1…), it must say so in its Content-Type charset or XML declaration.`,
    );
  });

  it('refuses a 200 in a charset the browser does not know, saying which and what is supported', async () => {
    const error = await positionWith({ status: 200, body: latin1(stringAnswer('x-mac-klingon', POSITION)), contentType: 'text/xml; charset=x-mac-klingon' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', status: 200 });
    expect((error as Error).message).toContain('in the charset "x-mac-klingon" (declared by Content-Type "text/xml; charset=x-mac-klingon"), which this browser cannot decode; expected UTF-8');
  });

  it('still reads the code of a 500 whose text is in an undeclared or unknown charset', async () => {
    const body = latin1('Server was unable to process request. ---> 1001 not logged. (Peña)\r\n');
    await expect(positionWith({ status: 500, body, contentType: 'text/plain; charset=utf-8' })).rejects.toMatchObject({ code: 'NOT_LOGGED' });
    await expect(positionWith({ status: 500, body, contentType: 'text/plain; charset=x-unknown' })).rejects.toMatchObject({ code: 'NOT_LOGGED' });
    await expect(positionWith({ status: 500, body, contentType: 'text/plain; charset=iso-8859-1' })).rejects.toMatchObject({ code: 'NOT_LOGGED', serverText: 'Server was unable to process request. ---> 1001 not logged. (Peña)' });
  });
});

describe('entity names that are Object.prototype members', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('refuses &%s; inside <string> as an unknown entity', (name) => {
    const outcome = decodeAnswer({ binding: 'GET', wireName: 'Position', kind: 'string' }, 200, 'text/xml', `<string xmlns="http://tempuri.org/">a&${name};b</string>`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('MALFORMED_RESPONSE');
  });

  it('leaves &constructor; as it is in the HTML-encoded text of a 500', () => {
    const outcome = decodeAnswer({ binding: 'GET', wireName: 'Position', kind: 'string' }, 500, 'text/plain', 'Bad &constructor; &amp; more\r\n');
    expect(outcome.ok ? undefined : outcome.error.serverText).toBe('Bad &constructor; & more');
  });
});
