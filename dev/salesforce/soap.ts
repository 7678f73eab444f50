/**
 * The SOAP Metadata API endpoint (`/services/Soap/m/<version>`): deploy, checkDeployStatus,
 * listMetadata, readMetadata and cancelDeploy, in Salesforce's envelopes, with its faults
 * (HTTP 500, `sf:CODE` fault codes) for a bad session, an org without API and a user who may not
 * change metadata.
 */
import type { ServerResponse } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { parser as metadataParser } from './components.ts';
import type { Deployer } from './deploy.ts';
import { escapeXml, sendText } from './http.ts';
import type { Org } from './org.ts';

const envelopeParser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['runTests', 'queries', 'fullNames'].includes(name) });

type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

export function toXml(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => toXml(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export function soapFault(res: ServerResponse, code: string, message: string): void {
  sendText(res, 500, 'text/xml;charset=UTF-8', `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="http://soap.sforce.com/2006/04/metadata"><soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`);
}

type Call = Record<string, XmlValue>;

/** The text of a request element ('' when absent or not text). */
const text = (v: XmlValue): string => (typeof v === 'string' ? v : '');

export function handleMetadataSoap(org: Org, deployer: Deployer, sessions: ReadonlyMap<string, string>, body: string, res: ServerResponse): void {
  let doc: { Envelope?: { Header?: { SessionHeader?: { sessionId?: string } }; Body?: Record<string, Call> } };
  try {
    doc = envelopeParser.parse(body) as typeof doc;
  } catch {
    soapFault(res, 'INVALID_XML', 'The request is not well-formed XML');
    return;
  }
  const userId = sessions.get(doc.Envelope?.Header?.SessionHeader?.sessionId ?? '');
  if (userId === undefined) {
    soapFault(res, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
    return;
  }
  if (!org.switches.apiEnabled || !org.can(userId, 'ApiEnabled')) {
    soapFault(res, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner');
    return;
  }
  const [method, args] = Object.entries(doc.Envelope?.Body ?? {})[0] ?? ['', {}];
  if (!org.can(userId, 'ModifyAllData')) {
    soapFault(res, 'INSUFFICIENT_ACCESS', 'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions');
    return;
  }
  const reply = (result: XmlValue): void => sendText(res, 200, 'text/xml;charset=UTF-8', envelope(toXml(`${method}Response`, { result })));
  switch (method) {
    case 'deploy': {
      const options = (args.DeployOptions ?? {}) as Record<string, XmlValue>;
      const runTests = options.runTests;
      reply(deployer.start(userId, text(args.ZipFile), {
        checkOnly: options.checkOnly === 'true',
        rollbackOnError: options.rollbackOnError !== 'false',
        testLevel: (text(options.testLevel) || 'NoTestRun'),
        runTests: Array.isArray(runTests) ? runTests.map(String) : [],
      }));
      return;
    }
    case 'checkDeployStatus': {
      const result = deployer.status(text(args.asyncProcessId), args.includeDetails === 'true');
      if (!result) {
        soapFault(res, 'INVALID_ID_FIELD', `Invalid deploy id ${text(args.asyncProcessId)}`);
        return;
      }
      reply(result as XmlValue);
      return;
    }
    case 'cancelDeploy':
      reply({ done: true, id: text(args.id) });
      return;
    case 'listMetadata': {
      const types = ((args.queries ?? []) as { type?: string }[]).map((q) => q.type ?? '');
      const now = new Date().toISOString();
      const files = [...org.metadata].filter(([key]) => types.includes(key.split('/')[0] ?? '')).map(([key, entry]) => {
        const [type, fullName] = key.split('/') as [string, string];
        return { createdById: userId, createdByName: '', createdDate: entry.modified, fileName: `${type}/${fullName}`, fullName, id: entry.id, lastModifiedById: userId, lastModifiedByName: '', lastModifiedDate: entry.modified || now, manageableState: 'unmanaged', type };
      });
      reply(files);
      return;
    }
    case 'readMetadata': {
      const type = text(args.type);
      const names = ((args.fullNames ?? []) as XmlValue[]).map(String);
      const records = names.map((fullName) => {
        const entry = org.metadata.get(`${type}/${fullName}`);
        if (!entry) return '<records xsi:nil="true"/>';
        const parsed = metadataParser.parse(entry.text) as Record<string, Record<string, XmlValue>>;
        const fields = Object.entries(parsed[type] ?? {}).map(([k, v]) => toXml(k, v)).join('');
        return `<records xsi:type="${escapeXml(type)}"><fullName>${escapeXml(fullName)}</fullName>${fields}</records>`;
      });
      sendText(res, 200, 'text/xml;charset=UTF-8', envelope(`<readMetadataResponse><result>${records.join('')}</result></readMetadataResponse>`));
      return;
    }
    default:
      soapFault(res, 'UNKNOWN_EXCEPTION', `The stand-in does not implement the Metadata API call ${method}`);
      return;
  }
}
