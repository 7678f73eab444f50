/**
 * A definition file is read in the encoding it declares, as Salesforce's importer reads it: an
 * ISO-8859-1 file gives `Muñoz`, and what cannot be read truly is refused with the line and byte.
 */
import { describe, expect, it } from 'vitest';
import { validateCallCenterXml } from '../../src/config/call-center-xml.ts';
import { decodeXmlBytes } from '../../src/config/xml-encoding.ts';
import { callCenter, generalInfo, section } from './support.ts';

const BODY = callCenter(generalInfo(), section('agentDefaults', [{ name: 'greeting', label: 'Saludo de Muñoz', value: 'Hola, habla Muñoz' }], '1'));

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function settingsOf(bytes: Uint8Array): Readonly<Record<string, string>> {
  const decoded = decodeXmlBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.errors.map((issue) => issue.message).join('\n'));
  const result = validateCallCenterXml(decoded.text);
  if (!result.ok) throw new Error(result.errors.map((issue) => issue.message).join('\n'));
  return result.settings;
}

describe('definition file encodings', () => {
  it('reads an ISO-8859-1 file by its XML declaration', () => {
    const settings = settingsOf(latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${BODY}`));
    expect(settings['/agentDefaults/greeting']).toBe('Hola, habla Muñoz');
    expect(settings['/agentDefaults/greeting/label']).toBe('Saludo de Muñoz');
  });

  it('reads UTF-8 with or without a declaration or byte-order mark', () => {
    const utf8 = new TextEncoder().encode(BODY);
    expect(settingsOf(utf8)['/agentDefaults/greeting']).toBe('Hola, habla Muñoz');
    expect(settingsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))['/agentDefaults/greeting']).toBe('Hola, habla Muñoz');
    expect(settingsOf(new TextEncoder().encode(`<?xml version='1.0' encoding='utf-8'?>\n${BODY}`))['/agentDefaults/greeting']).toBe('Hola, habla Muñoz');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?>\n${BODY}`;
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) bytes[3 + i * 2] = text.charCodeAt(i);
    expect(settingsOf(bytes)['/agentDefaults/greeting']).toBe('Hola, habla Muñoz');
  });

  it('refuses Latin-1 bytes in a file that declares nothing, pointing at the line and byte', () => {
    const decoded = decodeXmlBytes(latin1(BODY));
    expect(decoded.ok).toBe(false);
    const line = BODY.split('\n').findIndex((text) => text.includes('Muñoz')) + 1;
    const column = (BODY.split('\n')[line - 1] ?? '').indexOf('ñ') + 1;
    expect(decoded.ok ? [] : decoded.errors).toEqual([
      expect.objectContaining({
        code: 'XML_SYNTAX',
        line,
        column,
        received: 'byte 0xf1',
        message: `The call-center definition at line ${line}, column ${column} has bytes that are not valid utf-8, the encoding given by no encoding declaration (UTF-8 is the XML default). Received "byte 0xf1"; expected text in utf-8: save the file as UTF-8, or declare the encoding it is saved in (e.g. <?xml version="1.0" encoding="ISO-8859-1"?>).`,
      }),
    ]);
  });

  it('refuses an encoding it cannot decode, naming it and what is supported', () => {
    const decoded = decodeXmlBytes(latin1(`<?xml version="1.0" encoding="x-klingon"?>\n${BODY}`));
    expect(decoded.ok ? [] : decoded.errors.map((issue) => issue.message)).toEqual([
      'The call-center definition at line 1, column 1 declares the encoding "x-klingon", which cannot be decoded. Received "x-klingon"; expected UTF-8 (recommended), UTF-16, or an encoding of the WHATWG Encoding Standard such as ISO-8859-1, windows-1252 or ISO-8859-15; save the file in one of them and declare it.',
    ]);
  });
});
