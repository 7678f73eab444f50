import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEO_CORE_METHODS, NEO_METHODS, NEO_OPERATIONS, NEO_TASK_METHODS, type NeoMethodSpec } from '../../../src/platforms/neotel/contract.ts';
import { NEO_METHOD_NOTES, noteOf } from '../../../src/platforms/neotel/contract-notes.ts';

describe('NeoApi contract table', () => {
  it('has no wire name twice, aliases included', () => {
    const names = NEO_METHODS.flatMap((m) => [m.method, ...m.aliases]);
    expect(new Set(names).size).toBe(names.length);
    expect(NEO_OPERATIONS.size).toBe(names.length);
  });

  it('spells every parameter in upper case, except the task and event parameters real servers spell otherwise', () => {
    const lower = NEO_METHODS.flatMap((m) => m.params.filter((p) => p.name !== p.name.toUpperCase()).map((p) => `${m.method}.${p.name}`));
    expect(lower.every((name) => /^ExecuteTask\d\d\.(idTask|param\d+)$|^NeotelEvents\.eventInfo$/.test(name))).toBe(true);
  });

  it('offers ExecuteTask00 to ExecuteTask22 with idTask and NN string parameters', () => {
    expect(NEO_TASK_METHODS.map((m) => m.method)).toEqual(Array.from({ length: 23 }, (_, n) => `ExecuteTask${String(n).padStart(2, '0')}`));
    expect(NEO_OPERATIONS.get('ExecuteTask03')?.spec.params.map((p) => `${p.name}:${p.type}`)).toEqual(['idTask:int', 'param1:string', 'param2:string', 'param3:string']);
  });

  it('keeps the WSDL parameter order of UpdateContact with the types of the generated classes', () => {
    const update = NEO_OPERATIONS.get('UpdateContact')?.spec;
    expect(update?.params.map((p) => `${p.name}:${p.type}`)).toEqual([
      'CRM:int', 'USUARIO:string', 'BASE:int', 'IDCONTACTO:int', 'DATA:string', 'SUBCATEGORIA:int', 'XML_UPDATE:string',
      'AGENDA:boolean', 'FECHA_AGENDA:dateTime', 'USUARIO_AGENDA:string', 'TEL_AGENDA:string',
    ]);
    expect(noteOf('UpdateContact').evidence).toBe('wsdl');
  });

  it('resolves the Ñ and Spanish aliases to the same operation', () => {
    expect(NEO_OPERATIONS.get('Login_Campaña')?.spec.method).toBe('Login_Campaign');
    expect(NEO_OPERATIONS.get('Posicion')?.spec.method).toBe('Position');
    expect(NEO_OPERATIONS.get('Cortar')?.spec.method).toBe('Hangup');
    expect(NEO_OPERATIONS.get('Login_Campaign2')?.spec.params.map((p) => p.name)).toEqual(['USUARIO', 'CAMPANA']);
    expect(NEO_OPERATIONS.get('Logout_Campaña')?.spec.params.find((p) => p.name === 'CAMPAÑA')?.required).toBe(false);
  });

  it('is mirrored by docs/neoapi-contract.md: one table row per method with the same names, parameters, result and evidence', () => {
    const doc = readFileSync('docs/neoapi-contract.md', 'utf8');
    const rowStart = (m: NeoMethodSpec): string => {
      const names = [m.method, ...m.aliases].map((n) => `\`${n}\``).join(' / ');
      const params = m.params.length === 0 ? '—' : m.params.map((p) => `\`${p.name}\` ${p.type}${p.required ? '' : ' (optional)'}`).join(', ');
      const note = noteOf(m.method);
      const evidence = note.paramsEvidence && note.paramsEvidence !== note.evidence ? `${note.evidence} (params: ${note.paramsEvidence})` : note.evidence;
      return `| ${names} | ${params} | ${m.result} | ${evidence} |`;
    };
    expect(NEO_CORE_METHODS.map(rowStart).filter((row) => !doc.includes(row))).toEqual([]);
    expect(doc).toContain('| `ExecuteTask00` … `ExecuteTask22` | `idTask` int, `param1` … `paramNN` string');
  });

  it('has a note (what it does, how we know) for every method and no other, ExecuteTaskNN included', () => {
    expect(Object.keys(NEO_METHOD_NOTES).sort()).toEqual(NEO_CORE_METHODS.map((m) => m.method).sort());
    expect(NEO_METHODS.filter((m) => noteOf(m.method).summary.trim() === '').map((m) => m.method)).toEqual([]);
    expect(noteOf('ExecuteTask22').summary).toContain('22 parameter(s)');
    expect(() => noteOf('Cortar')).toThrow(/no method "Cortar".*NEO_OPERATIONS/);
  });
});
