/**
 * The deploy zip, built from the apex/ sfdx package (source format) and the call center: the
 * conversion `sf project deploy` does for this package's types (ApexClass, CustomObject with its
 * CustomFields, PermissionSet) plus CallCenter and FlexiPage, then `package.xml`. A line map
 * leads every line of the zip back to the source file it came from, so a failure Salesforce
 * reports at `objects/Contact.object:14` is shown at `…/Contact/fields/neoSyncId__c.field-meta.xml:3`.
 * Why not @salesforce/source-deploy-retrieve: docs/admin-cli.md#why-jsforce-and-a-zip-we-build.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { API_VERSION } from './auth.ts';
import { AdminError } from './errors.ts';

export interface Segment { zipLine: number; lines: number; source: string; sourceLine: number }

export interface DeployPackage {
  files: Map<string, string>;
  /** zip path → where each run of its lines came from. */
  lineMap: Map<string, Segment[]>;
  members: Map<string, string[]>;
  testClasses: string[];
}

const inner = (xml: string): string[] => {
  const lines = xml.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^<\w+ xmlns=/.test(l.trim()) || /^<\w+>$/.test(l.trim()));
  const end = lines.map((l) => l.trim()).lastIndexOf(lines[start]?.trim().replace(/^<(\w+).*$/, '</$1>') ?? '');
  return lines.slice(start + 1, end);
};

export function emptyPackage(): DeployPackage {
  return { files: new Map(), lineMap: new Map(), members: new Map(), testClasses: [] };
}

function add(pkg: DeployPackage, type: string, member: string): void {
  pkg.members.set(type, [...(pkg.members.get(type) ?? []), member]);
}

function copy(pkg: DeployPackage, zipPath: string, source: string, root: string): void {
  const text = readFileSync(source, 'utf8');
  pkg.files.set(zipPath, text);
  pkg.lineMap.set(zipPath, [{ zipLine: 1, lines: text.split('\n').length, source: relative(root, source), sourceLine: 1 }]);
}

/** Reads `<apexDir>/force-app/main/default` into the package. */
export function addApexPackage(pkg: DeployPackage, apexDir: string, cwd: string): void {
  const base = join(apexDir, 'force-app', 'main', 'default');
  if (!existsSync(base)) throw new AdminError('BAD_INPUT', `${base} does not exist: --apex-dir must be the apex/ sfdx package (with force-app/main/default).`, 'Run from the Dialtone folder, or pass --apex-dir PATH/apex.');
  const classes = join(base, 'classes');
  for (const file of readdirSync(classes).filter((f) => f.endsWith('.cls')).sort()) {
    const name = file.slice(0, -4);
    copy(pkg, `classes/${file}`, join(classes, file), cwd);
    copy(pkg, `classes/${file}-meta.xml`, join(classes, `${file}-meta.xml`), cwd);
    add(pkg, 'ApexClass', name);
    if (/@isTest/i.test(readFileSync(join(classes, file), 'utf8').split(/\bclass\b/i)[0] ?? '')) pkg.testClasses.push(name);
  }
  const objects = join(base, 'objects');
  for (const object of readdirSync(objects).sort()) {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">'];
    const segments: Segment[] = [];
    const append = (source: string, body: string[], wrap: boolean): void => {
      if (wrap) lines.push('    <fields>');
      segments.push({ zipLine: lines.length + 1, lines: body.length, source: relative(cwd, source), sourceLine: 3 });
      lines.push(...body);
      if (wrap) lines.push('    </fields>');
    };
    const objectMeta = join(objects, object, `${object}.object-meta.xml`);
    if (existsSync(objectMeta)) append(objectMeta, inner(readFileSync(objectMeta, 'utf8')), false);
    const fieldsDir = join(objects, object, 'fields');
    for (const file of existsSync(fieldsDir) ? readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml')).sort() : []) {
      append(join(fieldsDir, file), inner(readFileSync(join(fieldsDir, file), 'utf8')), true);
      add(pkg, 'CustomField', `${object}.${file.replace('.field-meta.xml', '')}`);
    }
    lines.push('</CustomObject>', '');
    pkg.files.set(`objects/${object}.object`, lines.join('\n'));
    pkg.lineMap.set(`objects/${object}.object`, segments);
    add(pkg, 'CustomObject', object);
  }
  const permsets = join(base, 'permissionsets');
  for (const file of readdirSync(permsets).filter((f) => f.endsWith('.permissionset-meta.xml')).sort()) {
    const name = file.replace('.permissionset-meta.xml', '');
    copy(pkg, `permissionsets/${name}.permissionset`, join(permsets, file), cwd);
    add(pkg, 'PermissionSet', name);
  }
}

export function addFile(pkg: DeployPackage, type: string, member: string, zipPath: string, text: string, source: string): void {
  pkg.files.set(zipPath, text);
  pkg.lineMap.set(zipPath, [{ zipLine: 1, lines: text.split('\n').length, source, sourceLine: 1 }]);
  add(pkg, type, member);
}

export function packageXml(pkg: DeployPackage): string {
  const types = [...pkg.members].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) =>
    `    <types>\n${members.map((m) => `        <members>${m}</members>\n`).join('')}        <name>${name}</name>\n    </types>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types}    <version>${API_VERSION}</version>\n</Package>\n`;
}

export function zipPackage(pkg: DeployPackage): Buffer {
  const entries: Record<string, Uint8Array> = { 'package.xml': strToU8(packageXml(pkg)) };
  for (const [path, text] of pkg.files) entries[path] = strToU8(text);
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/** Where a zip file's line came from: `apex/…/neoSyncId__c.field-meta.xml:5`, or the zip path when unknown. */
export function sourceOf(pkg: DeployPackage, zipPath: string, line: number | null | undefined): string {
  const segments = pkg.lineMap.get(zipPath.replace(/^unpackaged\//, '')) ?? [];
  if (line === null || line === undefined || line <= 0) return segments.length === 1 ? segments[0]!.source : zipPath;
  const hit = segments.find((s) => line >= s.zipLine && line < s.zipLine + s.lines);
  return hit ? `${hit.source}:${hit.sourceLine + (line - hit.zipLine)}` : `${zipPath}:${line}`;
}
