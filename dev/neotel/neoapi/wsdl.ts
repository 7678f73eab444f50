/**
 * The service description ASMX generates for `…/webservice.asmx?wsdl`: document/literal SOAP 1.1
 * plus the HttpGet and HttpPost bindings, target namespace `http://tempuri.org/`, one operation per
 * wire name (aliases included), generated from the contract table.
 *
 * Not offered: the SOAP 1.2 binding a default ASMX also lists (the simulator does not speak 1.2).
 */
import { NEO_METHODS, NEO_NAMESPACE, NEO_SERVICE_NAME, type NeoMethodSpec, type NeoParamSpec } from '../../../src/platforms/neotel/contract.ts';
import { noteOf } from '../../../src/platforms/neotel/contract-notes.ts';
import { escapeXmlAttribute } from './xml-text.ts';

const XSD: Readonly<Record<NeoParamSpec['type'], string>> = { string: 's:string', int: 's:int', boolean: 's:boolean', dateTime: 's:dateTime' };

/** ASMX's minOccurs: reference types 0, value types 1; our optional parameters 0. */
function element(param: NeoParamSpec): string {
  const minOccurs = param.type === 'string' || !param.required ? 0 : 1;
  return `<s:element minOccurs="${minOccurs}" maxOccurs="1" name="${param.name}" type="${XSD[param.type]}" />`;
}

function operations(): { name: string; spec: NeoMethodSpec }[] {
  return NEO_METHODS.flatMap((spec) => [spec.method, ...spec.aliases].map((name) => ({ name, spec })));
}

function schema(): string {
  const parts: string[] = [];
  for (const { name, spec } of operations()) {
    const params = spec.params.map(element).join('');
    parts.push(`<s:element name="${name}"><s:complexType>${params === '' ? '' : `<s:sequence>${params}</s:sequence>`}</s:complexType></s:element>`);
    const result =
      spec.result === 'void'
        ? ''
        : `<s:sequence><s:element minOccurs="${spec.result === 'string' ? 0 : 1}" maxOccurs="1" name="${name}Result" type="${spec.result === 'string' ? 's:string' : 's:boolean'}" /></s:sequence>`;
    parts.push(`<s:element name="${name}Response"><s:complexType>${result}</s:complexType></s:element>`);
  }
  parts.push('<s:element name="string" nillable="true" type="s:string" />', '<s:element name="boolean" type="s:boolean" />');
  return `<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${NEO_NAMESPACE}">${parts.join('')}</s:schema></wsdl:types>`;
}

function messages(): string {
  const parts: string[] = [];
  for (const { name, spec } of operations()) {
    parts.push(`<wsdl:message name="${name}SoapIn"><wsdl:part name="parameters" element="tns:${name}" /></wsdl:message>`);
    parts.push(`<wsdl:message name="${name}SoapOut"><wsdl:part name="parameters" element="tns:${name}Response" /></wsdl:message>`);
    for (const verb of ['HttpGet', 'HttpPost']) {
      const inParts = spec.params.map((p) => `<wsdl:part name="${p.name}" type="s:string" />`).join('');
      parts.push(`<wsdl:message name="${name}${verb}In">${inParts}</wsdl:message>`);
      parts.push(spec.result === 'void' ? `<wsdl:message name="${name}${verb}Out" />` : `<wsdl:message name="${name}${verb}Out"><wsdl:part name="Body" element="tns:${spec.result}" /></wsdl:message>`);
    }
  }
  return parts.join('');
}

function portTypes(): string {
  return ['Soap', 'HttpGet', 'HttpPost']
    .map((kind) => {
      const ops = operations()
        .map(({ name, spec }) => `<wsdl:operation name="${name}"><wsdl:documentation xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">${escapeXmlAttribute(noteOf(spec.method).summary)}</wsdl:documentation><wsdl:input message="tns:${name}${kind}In" /><wsdl:output message="tns:${name}${kind}Out" /></wsdl:operation>`)
        .join('');
      return `<wsdl:portType name="${NEO_SERVICE_NAME}${kind}">${ops}</wsdl:portType>`;
    })
    .join('');
}

function bindings(): string {
  const soapOps = operations()
    .map(
      ({ name }) =>
        `<wsdl:operation name="${name}"><soap:operation soapAction="${NEO_NAMESPACE}${name}" style="document" /><wsdl:input><soap:body use="literal" /></wsdl:input><wsdl:output><soap:body use="literal" /></wsdl:output></wsdl:operation>`,
    )
    .join('');
  const http = (verb: 'GET' | 'POST'): string =>
    operations()
      .map(({ name, spec }) => {
        const input = verb === 'GET' ? '<http:urlEncoded />' : '<mime:content type="application/x-www-form-urlencoded" />';
        const output = spec.result === 'void' ? '<wsdl:output />' : '<wsdl:output><mime:mimeXml part="Body" /></wsdl:output>';
        return `<wsdl:operation name="${name}"><http:operation location="/${name}" /><wsdl:input>${input}</wsdl:input>${output}</wsdl:operation>`;
      })
      .join('');
  return (
    `<wsdl:binding name="${NEO_SERVICE_NAME}Soap" type="tns:${NEO_SERVICE_NAME}Soap"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" />${soapOps}</wsdl:binding>` +
    `<wsdl:binding name="${NEO_SERVICE_NAME}HttpGet" type="tns:${NEO_SERVICE_NAME}HttpGet"><http:binding verb="GET" />${http('GET')}</wsdl:binding>` +
    `<wsdl:binding name="${NEO_SERVICE_NAME}HttpPost" type="tns:${NEO_SERVICE_NAME}HttpPost"><http:binding verb="POST" />${http('POST')}</wsdl:binding>`
  );
}

/** The WSDL document; `location` is the service URL as the client reached it. */
export function buildWsdl(location: string): string {
  const at = escapeXmlAttribute(location);
  const service =
    `<wsdl:service name="${NEO_SERVICE_NAME}">` +
    `<wsdl:port name="${NEO_SERVICE_NAME}Soap" binding="tns:${NEO_SERVICE_NAME}Soap"><soap:address location="${at}" /></wsdl:port>` +
    `<wsdl:port name="${NEO_SERVICE_NAME}HttpGet" binding="tns:${NEO_SERVICE_NAME}HttpGet"><http:address location="${at}" /></wsdl:port>` +
    `<wsdl:port name="${NEO_SERVICE_NAME}HttpPost" binding="tns:${NEO_SERVICE_NAME}HttpPost"><http:address location="${at}" /></wsdl:port>` +
    '</wsdl:service>';
  return (
    '<?xml version="1.0" encoding="utf-8"?>\r\n' +
    '<wsdl:definitions xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tm="http://microsoft.com/wsdl/mime/textMatching/" ' +
    'xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/" ' +
    `xmlns:tns="${NEO_NAMESPACE}" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" ` +
    `targetNamespace="${NEO_NAMESPACE}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">` +
    schema() +
    messages() +
    portTypes() +
    bindings() +
    service +
    '</wsdl:definitions>'
  );
}
