/**
 * A Metadata API zip as the stand-in reads it: package.xml, then each file by folder
 * (classes/, objects/, permissionsets/, callCenters/, flexipages/), checked the way Salesforce
 * checks them before anything is saved. Problems carry the file and the line, as Salesforce's
 * DeployMessages do.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Org } from './org.ts';

export interface Component {
  type: string;
  fullName: string;
  fileName: string;
  /** Normalised text stored in the org (compared to tell a changed component from an unchanged one). */
  text: string;
  /** For CustomField: the field's XML values; for PermissionSet: its field permissions. */
  detail: Record<string, unknown>;
}

export interface Problem { type: string; fullName: string; fileName: string; problem: string; line?: number; column?: number }

const FOLDERS: Readonly<Record<string, { type: string; suffix: string }>> = {
  classes: { type: 'ApexClass', suffix: '.cls' },
  objects: { type: 'CustomObject', suffix: '.object' },
  permissionsets: { type: 'PermissionSet', suffix: '.permissionset' },
  callCenters: { type: 'CallCenter', suffix: '.callCenter' },
  flexipages: { type: 'FlexiPage', suffix: '.flexipage' },
};

/** Fields every org has on the objects Dialtone touches (a permission set may name them too). */
const STANDARD_OBJECTS = ['Contact', 'Account', 'Lead', 'Opportunity', 'Task'];

export const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['fields', 'fieldPermissions', 'classAccesses', 'sections', 'items', 'types', 'members', 'flexiPageRegions', 'itemInstances'].includes(name) });

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** Reads the zip; answers the components to apply and the problems that stop the deploy. */
export function readDeployZip(org: Org, zipBase64: string): { components: Component[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(Buffer.from(zipBase64, 'base64'));
  } catch (error) {
    problems.push({ type: '', fullName: 'package.xml', fileName: 'package.xml', problem: `The zip file is not a valid zip archive: ${error instanceof Error ? error.message : String(error)}` });
    return { components: [], problems };
  }
  const texts = new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')).map(([name, bytes]) => [name.replace(/^unpackaged\//, ''), strFromU8(bytes)]));
  const manifest = texts.get('package.xml');
  if (manifest === undefined) {
    problems.push({ type: '', fullName: 'package.xml', fileName: 'package.xml', problem: 'No package.xml found' });
    return { components: [], problems };
  }
  const named = new Set<string>();
  const pkg = parser.parse(manifest) as { Package?: { types?: { name: string; members: string[] }[] } };
  for (const t of pkg.Package?.types ?? []) for (const m of t.members) named.add(`${t.name}/${m}`);

  const components: Component[] = [];
  for (const [fileName, text] of texts) {
    const [folder, file] = fileName.split('/');
    const kind = FOLDERS[folder ?? ''];
    if (kind === undefined || file === undefined || fileName.endsWith('-meta.xml')) continue;
    const fullName = file.slice(0, -kind.suffix.length);
    if (!named.has(`${kind.type}/${fullName}`)) {
      problems.push({ type: kind.type, fullName, fileName, problem: `An object '${fullName}' of type ${kind.type} was found in the zip, but package.xml does not name it` });
      continue;
    }
    named.delete(`${kind.type}/${fullName}`);
    if (kind.type === 'ApexClass') {
      const meta = texts.get(`${fileName}-meta.xml`);
      if (meta === undefined) problems.push({ type: 'ApexClass', fullName, fileName, problem: `Missing the ${fileName}-meta.xml file (apiVersion, status)` });
      if (!new RegExp(`\\bclass\\s+${fullName}\\b`, 'i').test(text)) problems.push({ type: 'ApexClass', fullName, fileName, problem: `The file does not declare class ${fullName}; a class file must be named after its class`, line: 1, column: 1 });
      components.push({ type: 'ApexClass', fullName, fileName, text: `${text}\n${meta ?? ''}`, detail: { isTest: /@isTest/i.test(text.slice(0, Math.max(0, text.search(/\bclass\b/i)))), source: text } });
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the line/column it reports is what a DeployMessage carries; fast-xml-parser still ships it.
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      problems.push({ type: kind.type, fullName, fileName, problem: `Error parsing file: ${valid.err.msg}`, line: valid.err.line, column: valid.err.col });
      continue;
    }
    const doc = parser.parse(text) as Record<string, Record<string, unknown> | undefined>;
    const root = doc[kind.type] ?? {};
    if (kind.type === 'CustomObject') {
      const { fields, ...object } = root as { fields?: Record<string, string>[] };
      if (!STANDARD_OBJECTS.includes(fullName)) components.push({ type: 'CustomObject', fullName, fileName, text: JSON.stringify(object), detail: object });
      for (const field of fields ?? []) {
        const name = field.fullName ?? '';
        if (!/^\w+__c$/.test(name)) problems.push({ type: 'CustomField', fullName: `${fullName}.${name}`, fileName, problem: `Custom field names must end with __c; received ${JSON.stringify(name)}`, line: lineOf(text, `<fullName>${name}</fullName>`) });
        named.delete(`CustomField/${fullName}.${name}`);
        components.push({ type: 'CustomField', fullName: `${fullName}.${name}`, fileName, text: JSON.stringify(field), detail: field });
      }
    } else if (kind.type === 'CallCenter') {
      const adapterUrl = typeof root.adapterUrl === 'string' ? root.adapterUrl : '';
      if (!root.displayName) problems.push({ type: 'CallCenter', fullName, fileName, problem: 'Required field is missing: displayName', line: 2 });
      if (!/^https?:\/\//.test(adapterUrl)) problems.push({ type: 'CallCenter', fullName, fileName, problem: `adapterUrl must be an absolute URL; received ${JSON.stringify(adapterUrl)}`, line: lineOf(text, '<adapterUrl>') });
      components.push({ type: kind.type, fullName, fileName, text, detail: root });
    } else {
      components.push({ type: kind.type, fullName, fileName, text, detail: root });
    }
  }
  for (const missing of named) {
    const [type, fullName] = missing.split('/') as [string, string];
    problems.push({ type, fullName, fileName: 'package.xml', problem: `An object '${fullName}' of type ${type} was named in package.xml, but was not found in zipped directory` });
  }
  problems.push(...permissionSetProblems(org, components, texts));
  return { components, problems };
}

/** A permission set may only name fields the org has or this deploy creates (Salesforce's "no CustomField named" error). */
function permissionSetProblems(org: Org, components: readonly Component[], texts: ReadonlyMap<string, string>): Problem[] {
  const known = new Set(components.filter((c) => c.type === 'CustomField').map((c) => c.fullName));
  for (const [object, fields] of org.customFields) for (const name of fields.keys()) known.add(`${object}.${name}`);
  const classes = new Set(components.filter((c) => c.type === 'ApexClass').map((c) => c.fullName));
  for (const row of org.rows('ApexClass')) classes.add(String(row.Name));
  const problems: Problem[] = [];
  for (const c of components.filter((x) => x.type === 'PermissionSet')) {
    const text = texts.get(c.fileName) ?? '';
    for (const fp of (c.detail.fieldPermissions ?? []) as { field?: string }[]) {
      const field = fp.field ?? '';
      if (!field.includes('__c') || known.has(field)) continue;
      problems.push({ type: 'PermissionSet', fullName: c.fullName, fileName: c.fileName, problem: `In field: field - no CustomField named ${field} found`, line: lineOf(text, `<field>${field}</field>`) });
    }
    for (const ca of (c.detail.classAccesses ?? []) as { apexClass?: string }[]) {
      if (classes.has(ca.apexClass ?? '')) continue;
      problems.push({ type: 'PermissionSet', fullName: c.fullName, fileName: c.fileName, problem: `In field: apexClass - no ApexClass named ${ca.apexClass ?? ''} found`, line: lineOf(text, `<apexClass>${ca.apexClass ?? ''}</apexClass>`) });
    }
  }
  return problems;
}

/** The test methods of a test class with the line each is declared on. */
export function testMethods(source: string): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const re = /(?:@isTest\s*(?:\([^)]*\))?\s*(?:(?:public|private|global|static)\s+)*void|testMethod\s+void)\s+(\w+)\s*\(/gi;
  for (const m of source.matchAll(re)) out.push({ name: m[1]!, line: source.slice(0, m.index).split('\n').length + (m[0].split('\n').length - 1) });
  return out;
}
