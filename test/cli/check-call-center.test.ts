import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCallCenter, parseCheckArguments } from '../../cli/check-call-center.ts';

const CONNECTION = [
  '--set', '/neotelConnection/neoApiUrl=https://neotel.acme.com/neoapi/webservice.asmx',
  '--set', '/neotelConnection/sipWebSocketUrl=wss://neotel.acme.com/sip',
  '--set', '/neotelConnection/sipDomain=neotel.acme.com',
];

function run(argv: string[]): { status: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const status = checkCallCenter(parseCheckArguments(argv), (l) => out.push(l), (l) => err.push(l));
  return { status, out, err };
}

function tempXml(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dialtone-cli-')), 'cc.xml');
  writeFileSync(file, text);
  return file;
}

describe('check-call-center', () => {
  it('accepts the shipped definition once the connection values are given', () => {
    const r = run([...CONNECTION, '--set', '/reqGeneralInfo/reqAdapterUrl=https://neotel.acme.com/softphone/']);
    expect(r.status).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.join('\n')).toMatch(/imports into Salesforce and configures the softphone/);
  });

  it('warns that the shipped definition still points at the example.com placeholders', () => {
    const r = run([]);
    expect(r.status).toBe(0);
    const warnings = r.err.filter((l) => l.includes('warning:'));
    expect(warnings.some((l) => l.includes('/neotelConnection/neoApiUrl'))).toBe(true);
    expect(warnings.some((l) => l.includes('/reqGeneralInfo/reqAdapterUrl'))).toBe(true);
  });

  it('says the softphone would not start when a connection setting is bad', () => {
    const r = run([...CONNECTION, '--set', '/neotelConnection/sipWebSocketUrl=http://pbx.acme.com/sip']);
    expect(r.status).toBe(1);
    expect(r.err[0]).toMatch(/imports, but the softphone would not start/);
    expect(r.err.join('\n')).toMatch(/\/neotelConnection\/sipWebSocketUrl/);
    expect(r.err.join('\n')).toContain('http://pbx.acme.com/sip');
  });

  it('reports an XML syntax error with its file, line and column', () => {
    const xml = readFileSync('callcenter-definition.xml', 'utf8').replace('</section>', '</sectoin>');
    const file = tempXml(xml);
    const r = run([file, ...CONNECTION]);
    expect(r.status).toBe(1);
    expect(r.err[0]).toMatch(/would refuse to import/);
    expect(r.err[1]).toMatch(new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('refuses unknown options and malformed --set pairs with the value received', () => {
    expect(() => parseCheckArguments(['--frobnicate'])).toThrow(/Unknown option "--frobnicate"/);
    expect(() => parseCheckArguments(['--set', 'neoApiUrl'])).toThrow(/--set expects \/section\/item=value, got "neoApiUrl"/);
  });

  it('returns 2 when the file cannot be read', () => {
    const r = run(['/nonexistent/cc.xml']);
    expect(r.status).toBe(2);
    expect(r.err[0]).toMatch(/Cannot read \/nonexistent\/cc\.xml/);
  });
});

describe('check-call-center file encodings', () => {
  it('checks an ISO-8859-1 file by its declaration and prints its values right', () => {
    const shipped = readFileSync(join(import.meta.dirname, '../../callcenter-definition.xml'), 'utf8').replace(/^<\?xml[^>]*\?>\s*/u, '');
    const next = (shipped.match(/<section\b/gu) ?? []).length;
    const text = shipped.replace('</callCenter>', `<section sortOrder="${next}" name="agentNotes" label="Notas"><item sortOrder="0" name="owner" label="Dueño">Muñoz</item></section></callCenter>`);
    const file = join(mkdtempSync(join(tmpdir(), 'dialtone-cli-')), 'latin1.xml');
    writeFileSync(file, Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${text}`, 'latin1'));
    const r = run([file, ...CONNECTION, '--set', '/reqGeneralInfo/reqAdapterUrl=https://neotel.acme.com/softphone/', '--settings']);
    expect(r.err).toEqual([]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({ '/agentNotes/owner': 'Muñoz', '/agentNotes/owner/label': 'Dueño' });
  });

  it('refuses a file whose bytes are not in its encoding, with the line to fix', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dialtone-cli-')), 'bad.xml');
    writeFileSync(file, Buffer.from('<callCenter>\n<section sortOrder="0" name="reqGeneralInfo" label="Información"></section>\n</callCenter>\n', 'latin1'));
    const r = run([file]);
    expect(r.status).toBe(1);
    expect(r.err[0]).toBe(`Salesforce would refuse to import ${file} (1 problem):`);
    expect(r.err[1]).toMatch(new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:62: The call-center definition at line 2, column 62 has bytes that are not valid utf-8`));
  });
});
