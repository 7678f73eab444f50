/** sObject describe of the stand-in: the standard objects Dialtone touches plus the fields a deploy created. */
import type { Org } from './org.ts';

const STANDARD: Readonly<Record<string, { label: string; fields: readonly [string, string][] }>> = {
  Contact: { label: 'Contact', fields: [['Id', 'id'], ['FirstName', 'string'], ['LastName', 'string'], ['Phone', 'phone'], ['MobilePhone', 'phone'], ['Email', 'email'], ['AccountId', 'reference']] },
  Account: { label: 'Account', fields: [['Id', 'id'], ['Name', 'string'], ['Phone', 'phone']] },
  Lead: { label: 'Lead', fields: [['Id', 'id'], ['FirstName', 'string'], ['LastName', 'string'], ['Company', 'string'], ['Phone', 'phone']] },
  Opportunity: { label: 'Opportunity', fields: [['Id', 'id'], ['Name', 'string'], ['StageName', 'picklist'], ['AccountId', 'reference']] },
  Task: { label: 'Task', fields: [['Id', 'id'], ['Subject', 'combobox'], ['Status', 'picklist'], ['CallObject', 'string'], ['CallType', 'picklist'], ['CallDisposition', 'string'], ['CallDurationInSeconds', 'int'], ['TaskSubtype', 'picklist'], ['WhoId', 'reference'], ['WhatId', 'reference']] },
};

const TYPES: Readonly<Record<string, string>> = { Text: 'string', Number: 'double', Checkbox: 'boolean', Phone: 'phone', Email: 'email', Date: 'date', DateTime: 'datetime', LongTextArea: 'textarea' };

export function describeSObject(org: Org, name: string): Record<string, unknown> | undefined {
  const standard = Object.entries(STANDARD).find(([k]) => k.toLowerCase() === name.toLowerCase());
  const custom = org.metadata.get(`CustomObject/${name}`);
  if (!standard && !custom) return undefined;
  const apiName = standard?.[0] ?? name;
  const fields: Record<string, unknown>[] = (standard?.[1].fields ?? [['Id', 'id'], ['Name', 'string']]).map(([field, type]) => ({
    name: field, label: field, type, custom: false, nillable: field !== 'Id', createable: field !== 'Id', updateable: field !== 'Id',
    externalId: false, unique: false, length: type === 'string' ? 255 : 0, precision: 0, scale: 0, filterable: true,
  }));
  for (const [field, meta] of org.customFields.get(apiName) ?? []) {
    fields.push({
      name: field, label: meta.label ?? field, type: TYPES[meta.type ?? ''] ?? 'string', custom: true, nillable: meta.required !== 'true',
      createable: true, updateable: true, externalId: meta.externalId === 'true', unique: meta.unique === 'true',
      caseSensitive: meta.caseSensitive === 'true', length: Number(meta.length ?? 0), precision: Number(meta.precision ?? 0),
      scale: Number(meta.scale ?? 0), filterable: true,
    });
  }
  return {
    name: apiName, label: standard?.[1].label ?? apiName, custom: !standard, queryable: true, createable: true, updateable: true,
    fields, urls: { sobject: `/services/data/v62.0/sobjects/${apiName}`, describe: `/services/data/v62.0/sobjects/${apiName}/describe` },
  };
}
