import type { KnownObjectName } from './salesforce-id.ts';

/**
 * The slice of the org's schema the emulator models: the standard objects a softphone touches,
 * with the field types, lengths, picklists and create/update rules Salesforce enforces on them,
 * plus the custom fields of Neotel's connector (seed 004) and a national-id field.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'url'
  | 'picklist'
  | 'int'
  | 'double'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'reference';

export interface FieldDef {
  apiName: string;
  label: string;
  type: FieldType;
  maxLength?: number;
  /** Picklist values. */
  values?: readonly string[];
  /** A restricted picklist refuses values outside `values`. */
  restricted?: boolean;
  createable: boolean;
  updateable: boolean;
  /** Objects a reference may point to. */
  referenceTo?: readonly KnownObjectName[];
  /** The create call fails without it (Salesforce's "Required fields are missing"). */
  required?: boolean;
  /** Filled on create when absent. */
  defaultValue?: string;
  /** A unique external id: two records of the object may not share a value. */
  unique?: boolean;
}

export interface ObjectDef {
  apiName: SObjectName;
  label: string;
  labelPlural: string;
  /** Fields that make up `Name` when it is a compound of first and last name. */
  compoundName?: readonly [string, string];
  /** Field shown as the record's title when not compound (Subject for a Task). */
  nameField: string;
  fields: readonly FieldDef[];
}

/** Objects the record store holds. */
export const SOBJECT_NAMES = ['Contact', 'Account', 'Lead', 'Opportunity', 'Task', 'Campaign'] as const;
export type SObjectName = (typeof SOBJECT_NAMES)[number];

const editable = { createable: true, updateable: true } as const;
const readOnly = { createable: false, updateable: false } as const;

function text(apiName: string, label: string, maxLength: number, extra: Partial<FieldDef> = {}): FieldDef {
  return { apiName, label, type: 'string', maxLength, ...editable, ...extra };
}
function phone(apiName: string, label: string): FieldDef {
  return { apiName, label, type: 'phone', maxLength: 40, ...editable };
}

const SYSTEM_FIELDS: readonly FieldDef[] = [
  { apiName: 'Id', label: 'Record ID', type: 'id', ...readOnly },
  { apiName: 'OwnerId', label: 'Owner ID', type: 'reference', referenceTo: ['User'], ...editable },
  { apiName: 'CreatedDate', label: 'Created Date', type: 'datetime', ...readOnly },
  { apiName: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', ...readOnly },
];

/** Neotel connector fields (seed 004: externalData / defaultNewRowData / neoSyncId__c). */
const NEOTEL_FIELDS: readonly FieldDef[] = [
  text('NationalId__c', 'National ID', 20),
  text('neoContactId__c', 'Neotel Contact ID', 50),
  text('neoBaseId__c', 'Neotel Base ID', 50),
  text('neoCrmId__c', 'Neotel CRM ID', 50),
  { apiName: 'neoSyncId__c', label: 'Neotel Sync ID', type: 'double', ...editable, unique: true },
  // The other externalData keys (seed 004's list) and campaignEntityName's lookup (docs/dev-lightning.md).
  text('neoCallCampaign__c', 'Neotel Campaign ID', 50),
  text('neoCallDialer__c', 'Neotel Dialer', 50),
  text('neoCallId__c', 'Neotel Call ID', 50),
  text('neoCallQueue__c', 'Neotel Queue ID', 50),
  text('neoCallReason__c', 'Neotel Call Reason', 80),
  text('neoPhoneNumber__c', 'Neotel Phone Number', 40),
  text('neoCampaignCrmId__c', 'Neotel Campaign CRM ID', 50),
  text('neoCampaignBaseId__c', 'Neotel Campaign Base ID', 50),
  text('neoUserOutCampaign__c', 'Neotel Agent Outbound Campaign', 50),
  text('neoCrmKey__c', 'Neotel CRM Key', 255),
  text('neoSearchBy__c', 'Neotel Searched By', 80),
  text('neoSearchData__c', 'Neotel Search Value', 255),
  { apiName: 'neoCampaign__c', label: 'Neotel Campaign', type: 'reference', referenceTo: ['Campaign'], ...editable },
  text('TimeZone__c', 'Time Zone', 40),
];

export const OBJECTS: Readonly<Record<SObjectName, ObjectDef>> = {
  Contact: {
    apiName: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    compoundName: ['FirstName', 'LastName'],
    nameField: 'Name',
    fields: [
      ...SYSTEM_FIELDS,
      { apiName: 'Name', label: 'Full Name', type: 'string', maxLength: 121, ...readOnly },
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { required: true }),
      text('Title', 'Title', 128),
      { apiName: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: ['Account'], ...editable },
      phone('Phone', 'Business Phone'),
      phone('MobilePhone', 'Mobile Phone'),
      phone('HomePhone', 'Home Phone'),
      { apiName: 'Email', label: 'Email', type: 'email', maxLength: 80, ...editable },
      text('MailingCity', 'Mailing City', 40),
      { apiName: 'Description', label: 'Contact Description', type: 'textarea', maxLength: 32000, ...editable },
      ...NEOTEL_FIELDS,
    ],
  },
  Account: {
    apiName: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    nameField: 'Name',
    fields: [
      ...SYSTEM_FIELDS,
      text('Name', 'Account Name', 255, { required: true }),
      phone('Phone', 'Account Phone'),
      phone('Fax', 'Account Fax'),
      { apiName: 'Website', label: 'Website', type: 'url', maxLength: 255, ...editable },
      { apiName: 'Industry', label: 'Industry', type: 'picklist', values: ['Banking', 'Retail', 'Telecommunications', 'Healthcare', 'Other'], ...editable },
      text('BillingCity', 'Billing City', 40),
      { apiName: 'Description', label: 'Account Description', type: 'textarea', maxLength: 32000, ...editable },
      ...NEOTEL_FIELDS,
    ],
  },
  Lead: {
    apiName: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    compoundName: ['FirstName', 'LastName'],
    nameField: 'Name',
    fields: [
      ...SYSTEM_FIELDS,
      { apiName: 'Name', label: 'Full Name', type: 'string', maxLength: 121, ...readOnly },
      text('FirstName', 'First Name', 40),
      text('LastName', 'Last Name', 80, { required: true }),
      text('Company', 'Company', 255, { required: true }),
      phone('Phone', 'Phone'),
      phone('MobilePhone', 'Mobile Phone'),
      { apiName: 'Email', label: 'Email', type: 'email', maxLength: 80, ...editable },
      {
        apiName: 'Status',
        label: 'Lead Status',
        type: 'picklist',
        values: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
        defaultValue: 'Open - Not Contacted',
        ...editable,
      },
      { apiName: 'LeadSource', label: 'Lead Source', type: 'picklist', values: ['Web', 'Phone Inquiry', 'Partner Referral', 'Other'], ...editable },
      ...NEOTEL_FIELDS,
    ],
  },
  Opportunity: {
    apiName: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    nameField: 'Name',
    fields: [
      ...SYSTEM_FIELDS,
      text('Name', 'Name', 120, { required: true }),
      { apiName: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: ['Account'], ...editable },
      {
        apiName: 'StageName',
        label: 'Stage',
        type: 'picklist',
        values: ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'],
        required: true,
        ...editable,
      },
      { apiName: 'CloseDate', label: 'Close Date', type: 'date', required: true, ...editable },
      { apiName: 'Amount', label: 'Amount', type: 'double', ...editable },
      { apiName: 'Description', label: 'Description', type: 'textarea', maxLength: 32000, ...editable },
      ...NEOTEL_FIELDS,
    ],
  },
  Task: {
    apiName: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    nameField: 'Subject',
    fields: [
      ...SYSTEM_FIELDS,
      { apiName: 'Subject', label: 'Subject', type: 'string', maxLength: 255, ...editable },
      {
        apiName: 'Status',
        label: 'Status',
        type: 'picklist',
        values: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
        defaultValue: 'Not Started',
        ...editable,
      },
      { apiName: 'Priority', label: 'Priority', type: 'picklist', values: ['High', 'Normal', 'Low'], defaultValue: 'Normal', ...editable },
      { apiName: 'ActivityDate', label: 'Due Date Only', type: 'date', ...editable },
      { apiName: 'Description', label: 'Comments', type: 'textarea', maxLength: 32000, ...editable },
      { apiName: 'Recording__c', label: 'Recording', type: 'url', maxLength: 255, ...editable },
      {
        apiName: 'TaskSubtype',
        label: 'Task Subtype',
        type: 'picklist',
        values: ['Task', 'Email', 'ListEmail', 'Call', 'LinkedIn'],
        restricted: true,
        createable: true,
        updateable: false,
      },
      { apiName: 'Type', label: 'Type', type: 'picklist', values: ['Call', 'Email', 'Meeting', 'Other'], ...editable },
      { apiName: 'CallType', label: 'Call Type', type: 'picklist', values: ['Inbound', 'Internal', 'Outbound'], restricted: true, ...editable },
      text('CallDisposition', 'Call Result', 255),
      text('CallObject', 'Call Object Identifier', 255),
      { apiName: 'CallDurationInSeconds', label: 'Call Duration', type: 'int', ...editable },
      { apiName: 'WhoId', label: 'Name ID', type: 'reference', referenceTo: ['Contact', 'Lead'], ...editable },
      { apiName: 'WhatId', label: 'Related To ID', type: 'reference', referenceTo: ['Account', 'Opportunity'], ...editable },
    ],
  },
  Campaign: {
    apiName: 'Campaign',
    label: 'Campaign',
    labelPlural: 'Campaigns',
    nameField: 'Name',
    fields: [
      ...SYSTEM_FIELDS,
      text('Name', 'Campaign Name', 80, { required: true }),
      { apiName: 'IsActive', label: 'Active', type: 'boolean', ...editable },
      text('neoCampaignId__c', 'Neotel Campaign ID', 20),
    ],
  },
};

/** The emulated agent: owner of every record and the only User id the store knows. */
export const CURRENT_USER = { Id: '005Dt0000000001IAA', Name: 'Agente Demo' } as const;

/** True for the object names the store holds. */
export function isSObjectName(value: unknown): value is SObjectName {
  return typeof value === 'string' && (SOBJECT_NAMES as readonly string[]).includes(value);
}

/**
 * Finds a field by API name, ignoring case as Salesforce does (`whoid` is `WhoId`).
 */
export function findField(objectName: SObjectName, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return OBJECTS[objectName].fields.find((f) => f.apiName.toLowerCase() === lower);
}
