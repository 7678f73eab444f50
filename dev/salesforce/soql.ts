/**
 * The SOQL the stand-in answers: `SELECT f[, Rel.f] FROM T [WHERE c [AND c]…] [ORDER BY f] [LIMIT n]`
 * with `=`, `!=`, `IN (…)` conditions. Enough for what an admin tool asks; anything else is a
 * MALFORMED_QUERY, and an unknown column an INVALID_FIELD whose message has Salesforce's shape.
 */
import { RELATIONSHIPS, TABLE_FIELDS, type FieldValue, type Org, type SfRecord } from './org.ts';

export class SoqlError extends Error {
  constructor(readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE', message: string) {
    super(message);
  }
}

interface Condition {
  field: string;
  op: '=' | '!=' | 'IN';
  values: FieldValue[];
}

export interface Soql {
  fields: string[];
  table: string;
  where: Condition[];
  orderBy: string | undefined;
  limit: number | undefined;
}

const QUERY = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+([\w.]+)(?:\s+(?:ASC|DESC))?)?(?:\s+LIMIT\s+(\d+))?\s*$/is;
const CONDITION = /^\s*([\w.]+)\s*(=|!=|\bIN\b)\s*(.+?)\s*$/is;

function literal(text: string, query: string): FieldValue {
  const t = text.trim();
  if (/^'(?:[^'\\]|\\.)*'$/s.test(t)) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^null$/i.test(t)) return null;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new SoqlError('MALFORMED_QUERY', `\n${query}\nERROR at Row:1:Column:1\nunexpected token: ${t}`);
}

export function parseSoql(query: string): Soql {
  const m = QUERY.exec(query);
  if (!m) throw new SoqlError('MALFORMED_QUERY', `\n${query}\nERROR at Row:1:Column:1\nunexpected token: the stand-in answers SELECT … FROM … [WHERE …] [ORDER BY …] [LIMIT n]`);
  const where: Condition[] = [];
  if (m[3] !== undefined) {
    for (const part of m[3].split(/\s+AND\s+/i)) {
      const c = CONDITION.exec(part);
      if (!c) throw new SoqlError('MALFORMED_QUERY', `\n${query}\nERROR at Row:1:Column:1\nunexpected token: ${part.trim()}`);
      const op = c[2]!.toUpperCase() as Condition['op'];
      const values = op === 'IN'
        ? (/^\((.*)\)$/s.exec(c[3]!)?.[1] ?? '').split(',').filter((v) => v.trim() !== '').map((v) => literal(v, query))
        : [literal(c[3]!, query)];
      where.push({ field: c[1]!, op, values });
    }
  }
  return {
    fields: m[1]!.split(',').map((f) => f.trim()),
    table: m[2]!,
    where,
    orderBy: m[4],
    limit: m[5] === undefined ? undefined : Number(m[5]),
  };
}

function invalidField(query: string, field: string, table: string): SoqlError {
  const column = query.indexOf(field) + 1;
  return new SoqlError('INVALID_FIELD', `\n${query}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:1:Column:${column}\nNo such column '${field}' on entity '${table}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
}

/** Resolves `Field` or `Rel.Field` on a row, checking the names against the table's columns. */
function resolver(org: Org, table: string, query: string): (row: SfRecord, path: string) => FieldValue {
  const check = (t: string, field: string, path: string): void => {
    if (!org.hasField(t, field)) throw invalidField(query, path, t);
  };
  return (row, path) => {
    const [first, second] = path.split('.');
    if (second === undefined) {
      check(table, first!, path);
      const key = Object.keys(row).find((k) => k.toLowerCase() === first!.toLowerCase());
      return key === undefined ? null : (row[key] ?? null);
    }
    const target = RELATIONSHIPS[table]?.[first!];
    if (target === undefined) throw invalidField(query, path, table);
    check(target, second, path);
    const linked = org.find(target, String(row[`${first!}Id`] ?? ''));
    return linked ? (linked[second] ?? null) : null;
  };
}

const INSTANCE_PATH = '/services/data/v62.0/sobjects';

/** Runs a query; answers records shaped as the REST API returns them (`attributes`, nested relationships). */
export function runSoql(org: Org, query: string): { totalSize: number; done: true; records: Record<string, unknown>[] } {
  const q = parseSoql(query);
  if (TABLE_FIELDS[q.table] === undefined) {
    throw new SoqlError('INVALID_TYPE', `\n${query}\nERROR at Row:1:Column:1\nsObject type '${q.table}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  const value = resolver(org, q.table, query);
  let rows = org.rows(q.table).filter((row) => q.where.every((c) => {
    const v = value(row, c.field);
    const hit = c.values.some((want) => (typeof v === 'string' && typeof want === 'string' ? v.toLowerCase() === want.toLowerCase() : v === want));
    return c.op === '!=' ? !hit : hit;
  }));
  if (q.orderBy !== undefined) {
    const key = q.orderBy;
    rows = [...rows].sort((a, b) => String(value(a, key)).localeCompare(String(value(b, key))));
  }
  if (q.limit !== undefined) rows = rows.slice(0, q.limit);
  const records = rows.map((row) => {
    const out: Record<string, unknown> = { attributes: { type: q.table, url: `${INSTANCE_PATH}/${q.table}/${row.Id}` } };
    for (const path of q.fields) {
      const v = value(row, path);
      const [rel, field] = path.split('.');
      if (field === undefined) out[rel!] = v;
      else {
        const target = RELATIONSHIPS[q.table]?.[rel!] ?? rel!;
        const linkedId = row[`${rel!}Id`];
        if (linkedId === null || linkedId === undefined) out[rel!] = null;
        else {
          const nested = (out[rel!] ?? { attributes: { type: target, url: `${INSTANCE_PATH}/${target}/${String(linkedId)}` } }) as Record<string, unknown>;
          nested[field] = v;
          out[rel!] = nested;
        }
      }
    }
    return out;
  });
  return { totalSize: records.length, done: true, records };
}
