import { describe, expect, it } from 'vitest';
import { NEO_OPERATIONS } from '../../../src/platforms/neotel/contract.ts';
import { applicationException, httpErrorBody, missingParameter, soapFaultString } from '../../../dev/neotel/neoapi/dotnet-exception.ts';
import { nameValueCollection, readHttpParams } from '../../../dev/neotel/neoapi/http-request.ts';
import { OPERATIONS, unimplementedMethods } from '../../../dev/neotel/neoapi/operations.ts';
import { convertHttpValue, convertSoapValue } from '../../../dev/neotel/neoapi/param-values.ts';
import { readSoapRequest, routeSoapAction } from '../../../dev/neotel/neoapi/soap-request.ts';
import { buildWsdl } from '../../../dev/neotel/neoapi/wsdl.ts';
import { httpResultBody, soapResultBody } from '../../../dev/neotel/neoapi/xml-text.ts';

const op = (name: string) => {
  const found = NEO_OPERATIONS.get(name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
};

describe('HTTP GET/POST parameter reading (ASMX ValueCollectionParameterReader)', () => {
  it('demands the first missing parameter in declaration order', () => {
    const read = readHttpParams(op('Login'), nameValueCollection('USUARIO=1001'), 'get');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(httpErrorBody(read.failure, 'remote')).toBe('Missing parameter: DEVICE.\r\n');
  });

  it('reads names case-insensitively and joins repeated names with commas', () => {
    const read = readHttpParams(op('Dial'), nameValueCollection('usuario=1001&TELEFONO=11&telefono=22'), 'get');
    expect(read.ok && Object.fromEntries(read.values)).toEqual({ USUARIO: '1001', TELEFONO: '11,22' });
  });

  it('reports an unconvertible int with the Convert.ChangeType message chain', () => {
    const read = readHttpParams(op('Pause'), nameValueCollection('USUARIO=1001&SUBTIPO_DESCANSO=abc'), 'post');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(httpErrorBody(read.failure, 'remote')).toBe('Cannot convert abc to System.Int32.\r\nParameter name: type ---> Input string was not in a correct format.\r\n');
    expect(httpErrorBody(read.failure, 'local')).toMatch(
      /^System\.ArgumentException: Cannot convert abc to System\.Int32\.\r\nParameter name: type ---> System\.FormatException: Input string was not in a correct format\.\r\n {3}at System\.Number\.StringToNumber[\s\S]*\r\n {3}--- End of inner exception stack trace ---\r\n {3}at System\.Web\.Services\.Protocols\.ScalarFormatter\.FromString[\s\S]*HtmlFormParameterReader\.Read\(HttpRequest request\)[\s\S]*\r\n$/,
    );
  });

  it('omits an optional parameter without complaint (Logout_Campaign without CAMPAÑA)', () => {
    const read = readHttpParams(op('Logout_Campaña'), nameValueCollection('USUARIO=1001'), 'get');
    expect(read.ok && [...read.values.keys()]).toEqual(['USUARIO']);
  });

  it.each([
    ['int', ' 42 ', 42],
    ['int', '-7', -7],
    ['boolean', 'True', true],
    ['boolean', ' false ', false],
  ] as const)('converts %s %j like the invariant culture', (type, text, value) => {
    expect(convertHttpValue(text, type)).toEqual({ ok: true, value });
  });

  it.each([
    ['int', '', 'Input string was not in a correct format.'],
    ['int', '1.5', 'Input string was not in a correct format.'],
    ['int', '2147483648', 'Value was either too large or too small for an Int32.'],
    ['boolean', '1', 'String was not recognized as a valid Boolean.'],
    ['dateTime', '31/12/2024', 'String was not recognized as a valid DateTime.'],
  ] as const)('refuses %s %j with "%s"', (type, text, message) => {
    const result = convertHttpValue(text, type);
    expect(!result.ok && result.failure.message).toBe(message);
  });

  it('reads dates as ISO 8601 or month-first (invariant culture), keeping any offset', () => {
    expect(convertHttpValue('2024-07-15T10:30:00', 'dateTime')).toMatchObject({ ok: true, value: { year: 2024, month: 7, day: 15, hour: 10, minute: 30 } });
    expect(convertHttpValue('07/15/2024 10:30 PM', 'dateTime')).toMatchObject({ ok: true, value: { month: 7, day: 15, hour: 22 } });
    expect(convertHttpValue('2024-07-15T10:30:00-03:00', 'dateTime')).toMatchObject({ ok: true, value: { offsetMinutes: -180 } });
  });

  it('reads SOAP values with XmlConvert rules: 1/0 booleans, xsd:dateTime only', () => {
    expect(convertSoapValue('1', 'boolean')).toEqual({ ok: true, value: true });
    expect(convertSoapValue('True', 'boolean')).toMatchObject({ ok: false, failure: { message: "The string 'True' is not a valid Boolean value." } });
    expect(convertSoapValue('2024-07-15', 'dateTime')).toMatchObject({ ok: false, failure: { message: "The string '2024-07-15' is not a valid AllXsd value." } });
  });
});

describe('error bodies', () => {
  it('prints a business exception as its message for remote clients and with type and frame locally', () => {
    const e = applicationException('System.Exception', 'Position SIP/1001 not found', 'Login', op('Login').spec.params);
    expect(httpErrorBody(e, 'remote')).toBe('Position SIP/1001 not found\r\n');
    expect(httpErrorBody(e, 'local')).toBe('System.Exception: Position SIP/1001 not found\r\n   at NeoApi.WebService.Login(String DEVICE, String USUARIO, String CLAVE)\r\n');
  });

  it('HTML-encodes hostile text in HTTP error bodies (htmlEscapeMessage) but not in SOAP faultstrings', () => {
    const e = applicationException('System.Exception', '<script>&]]> not logged.', 'Position', op('Position').spec.params);
    expect(httpErrorBody(e, 'remote')).toBe('&lt;script&gt;&amp;]]&gt; not logged.\r\n');
    expect(soapFaultString({ type: 'System.Web.Services.Protocols.SoapException', message: 'Server was unable to process request.', inner: e, stack: [] }, 'remote')).toBe(
      'Server was unable to process request. ---> <script>&]]> not logged.',
    );
  });

  it('words the missing parameter the way ASMX does', () => {
    expect(httpErrorBody(missingParameter('USUARIO', 'get'), 'remote')).toBe('Missing parameter: USUARIO.\r\n');
  });
});

describe('response bodies', () => {
  it('wraps strings and booleans like XmlSerializer and escapes the payload', () => {
    expect(httpResultBody('string', 'A=1|B=<x>&]]>|')).toBe('<?xml version="1.0" encoding="utf-8"?>\r\n<string xmlns="http://tempuri.org/">A=1|B=&lt;x&gt;&amp;]]&gt;|</string>');
    expect(httpResultBody('boolean', true)).toBe('<?xml version="1.0" encoding="utf-8"?>\r\n<boolean xmlns="http://tempuri.org/">true</boolean>');
    expect(httpResultBody('void', undefined)).toBeNull();
  });

  it('writes SOAP results as MethodResponse/MethodResult and void as an empty response element', () => {
    expect(soapResultBody('Dial', 'boolean', false)).toContain('<soap:Body><DialResponse xmlns="http://tempuri.org/"><DialResult>false</DialResult></DialResponse></soap:Body>');
    expect(soapResultBody('Login', 'void', undefined)).toContain('<soap:Body><LoginResponse xmlns="http://tempuri.org/" /></soap:Body>');
  });
});

describe('SOAP request reading', () => {
  const envelope = (inner: string) =>
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`;

  it('routes by SOAPAction, quoted or not, including a Ñ alias', () => {
    expect(routeSoapAction('"http://tempuri.org/Login_Campaña"')).toMatchObject({ wireName: 'Login_Campaña' });
    expect(routeSoapAction('http://tempuri.org/Position')).toMatchObject({ wireName: 'Position' });
    expect(routeSoapAction('"http://tempuri.org/Nope"')).toMatchObject({ ok: false, fault: { message: 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/Nope.' } });
  });

  it('reads parameters by exact name in the tempuri namespace, with prefixes, entities and CDATA', () => {
    const body = envelope('<t:UpdateContact xmlns:t="http://tempuri.org/"><t:USUARIO>a&amp;b</t:USUARIO><t:BASE> 7 </t:BASE><t:DATA><![CDATA[<x>]]></t:DATA><usuario>ignored</usuario></t:UpdateContact>');
    const read = readSoapRequest(body, op('UpdateContact'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.values.get('USUARIO')).toBe('a&b');
    expect(read.values.get('BASE')).toBe(7);
    expect(read.values.get('DATA')).toBe('<x>');
    expect(read.values.get('SUBCATEGORIA')).toBe(0); // absent value type: .NET default
    expect(read.sent).toEqual({ USUARIO: 'a&b', BASE: ' 7 ', DATA: '<x>' });
  });

  it('refuses a body whose element does not match the SOAPAction, and a bad int, as "unable to read request"', () => {
    const wrong = readSoapRequest(envelope('<Logout xmlns="http://tempuri.org/"><USUARIO>1</USUARIO></Logout>'), op('Position'));
    expect(wrong).toMatchObject({ ok: false, fault: { message: 'Server was unable to read request.', inner: { inner: { message: "<Logout xmlns='http://tempuri.org/'> was not expected." } } } });
    const bad = readSoapRequest(envelope('<Pause xmlns="http://tempuri.org/"><USUARIO>1</USUARIO><SUBTIPO_DESCANSO>x</SUBTIPO_DESCANSO></Pause>'), op('Pause'));
    expect(!bad.ok && soapFaultString(bad.fault, 'remote')).toMatch(/^Server was unable to read request\. ---> There is an error in XML document \(1, \d+\)\. ---> Input string was not in a correct format\.$/);
  });

  it('refuses malformed XML with the line and column', () => {
    const read = readSoapRequest('<soap:Envelope><a></soap:Envelope>', op('Position'));
    expect(!read.ok && read.fault.inner?.message).toMatch(/^There is an error in XML document \(1, \d+\)\.$/);
  });
});

describe('WSDL', () => {
  const wsdl = buildWsdl('http://127.0.0.1:8080/neoapi/webservice.asmx');

  it('declares every wire name as a SOAP operation with its SOAPAction and an HTTP GET location', () => {
    for (const name of NEO_OPERATIONS.keys()) {
      expect(wsdl).toContain(`<soap:operation soapAction="http://tempuri.org/${name}" style="document" />`);
      expect(wsdl).toContain(`<http:operation location="/${name}" />`);
    }
  });

  it('types parameters like ASMX: strings minOccurs 0, value types minOccurs 1, results as Result elements', () => {
    expect(wsdl).toContain('<s:element name="Dial"><s:complexType><s:sequence><s:element minOccurs="0" maxOccurs="1" name="USUARIO" type="s:string" /><s:element minOccurs="0" maxOccurs="1" name="TELEFONO" type="s:string" /></s:sequence></s:complexType></s:element>');
    expect(wsdl).toContain('<s:element minOccurs="1" maxOccurs="1" name="FECHA_AGENDA" type="s:dateTime" />');
    expect(wsdl).toContain('<s:element name="DialResponse"><s:complexType><s:sequence><s:element minOccurs="1" maxOccurs="1" name="DialResult" type="s:boolean" /></s:sequence></s:complexType></s:element>');
    expect(wsdl).toContain('targetNamespace="http://tempuri.org/"');
    expect(wsdl).toContain('<soap:address location="http://127.0.0.1:8080/neoapi/webservice.asmx" />');
  });

  it('has an implementation for every operation it declares', () => {
    expect(unimplementedMethods()).toEqual([]);
    expect(OPERATIONS.size).toBe(new Set([...NEO_OPERATIONS.values()].map((o) => o.spec.method)).size);
  });
});
