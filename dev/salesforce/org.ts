/**
 * The org the Salesforce API stand-in serves: sObject tables (the rows SOQL sees), the deployed
 * metadata (by type and full name, as Metadata API files), users and their permissions, and the
 * switches a test flips to make the org misbehave the way real orgs do.
 */
import { randomBytes } from 'node:crypto';

export type FieldValue = string | number | boolean | null;
export interface SfRecord {
  Id: string;
  [field: string]: FieldValue;
}

/** The permissions the stand-in enforces (the Profile/PermissionSet system permissions of the same names). */
export type UserPermission = 'ApiEnabled' | 'ModifyAllData' | 'ManageCallCenters';

/** Key prefixes of the objects the stand-in holds, as Salesforce's ids start. */
const KEY_PREFIX: Readonly<Record<string, string>> = {
  Organization: '00D', User: '005', Profile: '00e', PermissionSet: '0PS', PermissionSetAssignment: '0Pa',
  CallCenter: '04v', ApexClass: '01p', FieldPermissions: '01k', FlexiPage: '0M0', DeployRequest: '0Af',
  ApexTestResult: '07M', CustomField: '00N', CustomObject: '01I',
};

/** Columns of each queryable table: SOQL naming anything else answers INVALID_FIELD, as Salesforce does. */
export const TABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  User: ['Id', 'Username', 'Name', 'Email', 'IsActive', 'ProfileId', 'CallCenterId'],
  Profile: ['Id', 'Name'],
  PermissionSet: ['Id', 'Name', 'Label', 'IsOwnedByProfile'],
  PermissionSetAssignment: ['Id', 'AssigneeId', 'PermissionSetId'],
  CallCenter: ['Id', 'Name', 'InternalName', 'Version', 'AdapterUrl'],
  ApexClass: ['Id', 'Name', 'Status', 'ApiVersion', 'NamespacePrefix'],
  FieldPermissions: ['Id', 'ParentId', 'SobjectType', 'Field', 'PermissionsRead', 'PermissionsEdit'],
  FlexiPage: ['Id', 'DeveloperName', 'MasterLabel', 'Type'],
};

/** `X.Name` in SOQL follows the lookup field `XId` to this table. */
export const RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  User: { Profile: 'Profile' },
  PermissionSetAssignment: { Assignee: 'User', PermissionSet: 'PermissionSet' },
  FieldPermissions: { Parent: 'PermissionSet' },
};

/** What the OAuth endpoints know about the connected app the CLI logs in through. */
export interface ConnectedApp {
  clientId: string;
  /** Needed only by the legacy password flow (Salesforce requires it there). */
  clientSecret: string;
  callbackUrls: readonly string[];
  /** The certificate's public key (PEM) JWT bearer assertions must be signed for. */
  jwtPublicKeyPem: string | undefined;
}

export interface OrgSwitches {
  /** false: the edition has no API (Professional without the add-on): API_DISABLED_FOR_ORG everywhere. */
  apiEnabled: boolean;
  /**
   * Declared outcomes of Apex test methods (`Class.method` → failure message). Apex cannot run
   * outside Salesforce, so the stand-in passes every test method it finds in the deployed test
   * classes unless it is declared failing here.
   */
  failingApexTests: Record<string, string>;
}

export class Org {
  readonly id: string;
  private readonly tables = new Map<string, SfRecord[]>();
  /** `Type/fullName` → the component's file text as deployed (a Metadata API `.xml` or `.cls`). */
  readonly metadata = new Map<string, { text: string; id: string; modified: string }>();
  /** Custom fields deployed on each sObject (API name → CustomField XML fields). */
  readonly customFields = new Map<string, Map<string, Record<string, string>>>();
  readonly permissions = new Map<string, Set<UserPermission>>();
  readonly switches: OrgSwitches = { apiEnabled: true, failingApexTests: {} };
  /**
   * `Table.Field` columns this org does not have, e.g. `User.CallCenterId` in an org without the
   * call-center feature: SOQL and DML naming them answer INVALID_FIELD, as there.
   */
  readonly hiddenFields = new Set<string>();
  private counter = 0;
  /** Called with `Type/fullName` after a deploy saved a component (dev/start.ts feeds the Lightning emulator from it). */
  readonly onSaved: ((key: string) => void)[] = [];

  constructor() {
    this.id = this.newId('Organization');
    for (const name of Object.keys(TABLE_FIELDS)) this.tables.set(name, []);
  }

  newId(type: string): string {
    this.counter += 1;
    const prefix = KEY_PREFIX[type] ?? '000';
    return `${prefix}${String(this.counter).padStart(12, '0')}AAA`;
  }

  rows(table: string): SfRecord[] {
    const rows = this.tables.get(table);
    if (!rows) throw new Error(`no table ${table}`);
    return rows;
  }

  insert(table: string, values: Omit<SfRecord, 'Id'>): SfRecord {
    const row: SfRecord = { Id: this.newId(table) };
    for (const field of TABLE_FIELDS[table] ?? []) if (field !== 'Id') row[field] = null;
    Object.assign(row, values);
    this.rows(table).push(row);
    return row;
  }

  /** Copies every table; calling the answer puts them back (an allOrNone request that failed). */
  checkpoint(): () => void {
    const copy = new Map([...this.tables].map(([k, v]) => [k, v.map((r) => ({ ...r }))]));
    return () => {
      for (const [k, v] of copy) this.tables.set(k, v);
    };
  }

  hasField(table: string, field: string): boolean {
    if (this.hiddenFields.has(`${table}.${field}`)) return false;
    return (TABLE_FIELDS[table] ?? []).some((f) => f.toLowerCase() === field.toLowerCase());
  }

  find(table: string, id: string): SfRecord | undefined {
    return this.rows(table).find((row) => row.Id === id || row.Id.slice(0, 15) === id);
  }

  remove(table: string, id: string): boolean {
    const rows = this.rows(table);
    const at = rows.findIndex((row) => row.Id === id);
    if (at < 0) return false;
    rows.splice(at, 1);
    return true;
  }

  userByName(username: string): SfRecord | undefined {
    return this.rows('User').find((u) => String(u.Username).toLowerCase() === username.toLowerCase());
  }

  can(userId: string, permission: UserPermission): boolean {
    return this.permissions.get(userId)?.has(permission) ?? false;
  }

  addUser(username: string, profileName: string, permissions: readonly UserPermission[]): SfRecord {
    const profile = this.rows('Profile').find((p) => p.Name === profileName) ?? this.insert('Profile', { Name: profileName });
    const name = username.split('@')[0] ?? username;
    const user = this.insert('User', { Username: username, Name: name, Email: username, IsActive: true, ProfileId: profile.Id });
    this.permissions.set(user.Id, new Set(permissions));
    return user;
  }

  /** A JSON-able picture of what a deploy or a `users` command may change (tests compare two). */
  snapshot(): unknown {
    return {
      tables: Object.fromEntries([...this.tables].map(([k, v]) => [k, v.map((r) => ({ ...r }))])),
      metadata: Object.fromEntries([...this.metadata].map(([k, v]) => [k, v.text])),
    };
  }
}

/** An opaque session id shaped like Salesforce's (`00D…!AQ…`), never a JWT (jsforce treats those apart). */
export function newSessionId(org: Org): string {
  return `${org.id.slice(0, 15)}!AQ${randomBytes(48).toString('base64url')}`;
}

/**
 * The empty org a test or `npm run salesforce` starts from: an admin who may deploy, two agents, a
 * user without API access, the standard profiles, and the standard service console's utility bar
 * without the softphone. Nothing of Dialtone is there.
 */
export function emptyOrg(): Org {
  const org = new Org();
  org.insert('Profile', { Name: 'System Administrator' });
  org.insert('Profile', { Name: 'Standard User' });
  org.addUser('admin@acme.example', 'System Administrator', ['ApiEnabled', 'ModifyAllData', 'ManageCallCenters']);
  org.addUser('agent1@acme.example', 'Standard User', ['ApiEnabled']);
  org.addUser('agent2@acme.example', 'Standard User', ['ApiEnabled']);
  org.addUser('supervisor@acme.example', 'Standard User', ['ApiEnabled']);
  // A Chatter Free license cannot hold a permission set that grants Apex class access.
  org.addUser('chatter@acme.example', 'Chatter Free User', []);
  const page = org.insert('FlexiPage', { DeveloperName: 'LightningService_UtilityBar', MasterLabel: 'Service Console Utility Bar', Type: 'UtilityBar' });
  org.metadata.set('FlexiPage/LightningService_UtilityBar', { text: UTILITY_BAR, id: page.Id, modified: new Date().toISOString() });
  return org;
}

const UTILITY_BAR = `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentName>console:history</componentName>
                <identifier>console_history</identifier>
            </componentInstance>
        </itemInstances>
        <name>utilityItems</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Service Console Utility Bar</masterLabel>
    <template>
        <name>one:utilityBarTemplateDesktop</name>
    </template>
    <type>UtilityBar</type>
</FlexiPage>
`;
