/**
 * The scenario: everything the simulated contact center starts from (users, devices, campaigns,
 * bases and contacts, queues, break sub-types, categories, tasks, licences). JSON on disk,
 * validated here; every error names the path (`campaigns[1].base`) and the value received.
 */
import { z } from 'zod';

const id = z.number().int().nonnegative();
const digits = z.string().regex(/^\d+$/, 'expected digits only');

export const platformSchema = z
  .object({
    /** Position `SERVER`. */
    server: z.string().default('NEO1'),
    /** Concurrent API users (logged in through NeoApi); one more gets `No more API licenses.`. */
    licenses: z.number().int().nonnegative().default(50),
    /** The server's time zone: Position dates are its wall time. */
    timeZone: z.string().default('America/Argentina/Buenos_Aires'),
    /** `12h` = es-AR `14/07/2014 04:01:50 p.m.`; `24h` = `12/08/2021 13:59:09`. */
    clock: z.enum(['12h', '24h']).default('12h'),
    /** ASMX customErrors: `remote` = messages only (what a client sees), `local` = types and stack traces. */
    errorDetail: z.enum(['remote', 'local']).default('remote'),
    /** Login needs the device registered on the PBX (real servers: yes). */
    requireRegistration: z.boolean().default(true),
    firstCallId: z.number().int().positive().default(1159449),
    firstAgendaId: z.number().int().positive().default(5301),
    /** Caller number of platform-originated agent legs (Dial's first leg). */
    platformNumber: z.string().default('5000'),
    /** Trunk name in customers' channel names (`SIP/NEOTRUNK-0000266a`). */
    trunk: z.string().default('NEOTRUNK'),
    /** UpdateContact with AGENDA=true also frees the agent (seed 004: "not needed when categorised as agenda"). */
    releaseOnAgenda: z.boolean().default(true),
    /** ESTADO_CRM after CRM_ShowingContact (never observed on a real server: our choice). */
    showingContactState: z.string().default('ShowingContact'),
    /** ESTADO_CRM after CRM_Unavailable (never observed: our choice). */
    unavailableState: z.string().default('Unavailable'),
    /** Break sub-type of `Descanso(true)` and of the administrative time. */
    defaultBreak: id.default(1),
    adminBreak: id.default(2),
    /** Tone of a customer with no tone of its own. */
    customerToneHz: z.number().positive().default(440),
    /** `chave` the recording download (seed 001) requires; empty = none. */
    recordingKey: z.string().default(''),
  })
  .strict();

export const dialerSchema = z
  .object({
    autoStart: z.boolean().default(true),
    intervalMs: z.number().int().positive().default(500),
    customerAnswerAfterMs: z.number().int().nonnegative().default(1500),
    customerRingTimeoutMs: z.number().int().positive().default(25_000),
    agentRingTimeoutMs: z.number().int().positive().default(20_000),
    /** Preview: after the agent answers, the customer is dialled on CRM_ShowingContact or after this delay. */
    previewDelayMs: z.number().int().nonnegative().default(3000),
    /** A queued call whose every candidate agent declined is offered again after this delay. */
    requeueDelayMs: z.number().int().nonnegative().default(3000),
  })
  .strict();

const userSchema = z.object({ id: digits, password: z.string(), name: z.string().min(1), role: z.enum(['agent', 'supervisor']).default('agent') }).strict();
const deviceSchema = z.object({ name: z.string().regex(/^[A-Za-z0-9]+\/[\w.@-]+$/, 'expected TECH/name, e.g. SIP/1001'), password: z.string().min(1) }).strict();
const transferEntrySchema = z.object({ number: z.string().min(1), name: z.string().min(1) }).strict();

const campaignSchema = z
  .object({
    id: id.positive(),
    name: z.string().min(1),
    type: z.enum(['inbound', 'outbound', 'both']),
    dialer: z.enum(['Manual', 'Predictive', 'Preview']).default('Manual'),
    crm: z.number().int().default(0),
    base: id.default(0),
    recording: z.enum(['none', 'total', 'onDemand']).default('none'),
    /** External transfer list: `*12NN` transfers to entry NN (1-based). */
    transfers: z.array(transferEntrySchema).default([]),
    /** Users allowed in; empty = everyone. */
    users: z.array(digits).default([]),
    blockedNumbers: z.array(z.string()).default([]),
  })
  .strict();

const contactSchema = z
  .object({
    id: id.positive(),
    name: z.string().default(''),
    phones: z.array(z.string().min(1)).min(1),
    /** The key the CRM searches by (a Salesforce record id or a national id): Position `DATA`. */
    clave1: z.string().default(''),
    toneHz: z.number().positive().optional(),
    answerAfterMs: z.number().int().nonnegative().optional(),
    neverAnswer: z.boolean().default(false),
  })
  .strict();

const baseSchema = z.object({ id: id.positive(), crm: z.number().int(), name: z.string().default(''), contacts: z.array(contactSchema).default([]) }).strict();

const queueSchema = z
  .object({
    id: id.positive(),
    name: z.string().min(1),
    campaign: id.positive(),
    members: z.array(digits).default([]),
    /** Dialled number that reaches this queue (Position `DNIS`). */
    dnis: z.string().default(''),
    /** CRM/BASE configured on the queue: the call brings a CRM record (ESTADO_CRM=GetContact). 0 = plain inbound. */
    crm: z.number().int().default(0),
    base: id.default(0),
    /** Position `CAMPO_BUSQUEDA` for calls of this queue. */
    searchField: z.string().default(''),
    /** Queue CLAVE = the CLAVESF variable `idContacto-Data` of CONTACTO_INSERT_SALESFORCE (seed 004). */
    claveSf: z.boolean().default(false),
  })
  .strict();

const breakSchema = z.object({ id: id.positive(), name: z.string().min(1) }).strict();
const subcategorySchema = z
  .object({
    id: id.positive(),
    name: z.string().min(1),
    /** The record is closed (never dialled again). */
    closes: z.boolean().default(false),
    /** The record goes back to the retry pool (R). */
    redial: z.boolean().default(false),
    /** Automatic callback without an assigned agent after this many minutes (RA). */
    autoRecallMinutes: z.number().int().positive().optional(),
  })
  .strict();
const categorySchema = z.object({ id: id.positive(), name: z.string().min(1), subcategories: z.array(subcategorySchema).default([]) }).strict();
/** `result` is a template: `{{idTask}}`, `{{param1}}`… are replaced by JSON-escaped values. */
const taskSchema = z.object({ id: id.positive(), name: z.string().default(''), result: z.string() }).strict();

export const scenarioSchema = z
  .object({
    name: z.string().default('scenario'),
    platform: platformSchema.prefault({}),
    dialer: dialerSchema.prefault({}),
    users: z.array(userSchema).min(1),
    devices: z.array(deviceSchema).default([]),
    campaigns: z.array(campaignSchema).default([]),
    bases: z.array(baseSchema).default([]),
    queues: z.array(queueSchema).default([]),
    breaks: z.array(breakSchema).default([]),
    categories: z.array(categorySchema).default([]),
    tasks: z.array(taskSchema).default([]),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const unique = <T>(items: readonly T[], key: (item: T) => string | number, path: string): void => {
      const seen = new Map<string | number, number>();
      items.forEach((item, index) => {
        const value = key(item);
        const first = seen.get(value);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [path, index], message: `duplicate id ${JSON.stringify(value)} (first at ${path}[${first}])` });
        else seen.set(value, index);
      });
    };
    unique(scenario.users, (u) => u.id, 'users');
    unique(scenario.devices, (d) => d.name, 'devices');
    unique(scenario.campaigns, (c) => c.id, 'campaigns');
    unique(scenario.bases, (b) => b.id, 'bases');
    unique(scenario.queues, (q) => q.id, 'queues');
    unique(scenario.breaks, (b) => b.id, 'breaks');
    unique(scenario.tasks, (t) => t.id, 'tasks');
    unique(scenario.categories.flatMap((c) => c.subcategories), (s) => s.id, 'subcategories');
    const users = new Set(scenario.users.map((u) => u.id));
    const bases = new Set(scenario.bases.map((b) => b.id));
    const campaigns = new Set(scenario.campaigns.map((c) => c.id));
    scenario.bases.forEach((base, index) => unique(base.contacts, (c) => c.id, `bases[${index}].contacts`));
    scenario.campaigns.forEach((campaign, index) => {
      if (campaign.base !== 0 && !bases.has(campaign.base)) ctx.addIssue({ code: 'custom', path: ['campaigns', index, 'base'], message: `base ${campaign.base} is not in bases[]` });
      campaign.users.forEach((user, at) => {
        if (!users.has(user)) ctx.addIssue({ code: 'custom', path: ['campaigns', index, 'users', at], message: `user ${user} is not in users[]` });
      });
    });
    scenario.queues.forEach((queue, index) => {
      if (!campaigns.has(queue.campaign)) ctx.addIssue({ code: 'custom', path: ['queues', index, 'campaign'], message: `campaign ${queue.campaign} is not in campaigns[]` });
      if (queue.base !== 0 && !bases.has(queue.base)) ctx.addIssue({ code: 'custom', path: ['queues', index, 'base'], message: `base ${queue.base} is not in bases[]` });
      queue.members.forEach((user, at) => {
        if (!users.has(user)) ctx.addIssue({ code: 'custom', path: ['queues', index, 'members', at], message: `user ${user} is not in users[]` });
      });
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type UserSpec = Scenario['users'][number];
export type DeviceSpec = Scenario['devices'][number];
export type CampaignSpec = Scenario['campaigns'][number];
export type BaseSpec = Scenario['bases'][number];
export type ContactSpec = BaseSpec['contacts'][number];
export type QueueSpec = Scenario['queues'][number];
export type BreakSpec = Scenario['breaks'][number];
export type CategorySpec = Scenario['categories'][number];
export type SubcategorySpec = CategorySpec['subcategories'][number];
export type TaskSpec = Scenario['tasks'][number];
