/**
 * The client's parser for NeoApi `Position`: `KEY=VALUE|KEY=VALUE|…|` (neoapi.md §3).
 *
 * Tolerant by design: it never throws. Items it cannot read go to `problems` and the rest is
 * still returned; unknown keys are kept; keys are looked up by either spelling of `Ñ`
 * (`SAL_CAMPAÑA_DEFAULT` or `SAL_CAMPANA_DEFAULT`, also when the server's UTF-8 was mis-decoded).
 * Values are split on the FIRST `=` only, since `CLAVE=RUT=6007453;ANI=…;` is common.
 */
import {
  readBrokenBarList,
  readClaveSf,
  readInteger,
  readKeyData,
  readNeoDateTime,
  type NeoDateTime,
  type ReadResult,
} from './position-values.ts';

export type { NeoDateTime } from './position-values.ts';
export { isUnsetSentinel, readBrokenBarList, readClaveSf, readKeyData, readNeoDateTime } from './position-values.ts';

/** An item of the payload that could not be read as intended. */
export interface PositionProblem {
  /** 0-based index of the `|`-separated item, or -1 for the payload as a whole. */
  readonly index: number;
  /** The key, when one was read. */
  readonly key?: string;
  /** The raw item. */
  readonly item: string;
  readonly reason: string;
}

export interface PositionEntry {
  /** The key as sent (`SAL_CAMPAÑA_DEFAULT`). */
  readonly key: string;
  /** The key with `Ñ` → `N`, upper-case (`SAL_CAMPANA_DEFAULT`). */
  readonly normalizedKey: string;
  readonly value: string;
}

/**
 * Normalises a Position key: upper-case, every spelling of `Ñ` (`Ñ`, `ñ`, the Latin-1 misreading
 * `Ã‘`/`Ã±`, a replacement character or `?` left by a lossy conversion) becomes `N`.
 */
export function normalizePositionKey(key: string): string {
  return key
    .trim()
    .replace(/Ã‘|Ã±|[Ññ\uFFFD?]/g, 'N')
    .toUpperCase();
}

/** The raw view: every entry in order, lookup by either spelling, and what went wrong. */
export interface RawPosition {
  readonly raw: string;
  readonly entries: readonly PositionEntry[];
  readonly problems: readonly PositionProblem[];
  /** The value of `key` (either spelling of `Ñ`), `undefined` when absent. The last one wins. */
  get(key: string): string | undefined;
  has(key: string): boolean;
}

/** Splits a Position payload into entries. Never throws. */
export function parsePositionEntries(raw: unknown): RawPosition {
  const problems: PositionProblem[] = [];
  const entries: PositionEntry[] = [];
  const byKey = new Map<string, string>();
  const text = typeof raw === 'string' ? raw : '';
  if (typeof raw !== 'string') {
    problems.push({ index: -1, item: '', reason: `expected the Position text, got ${raw === null ? 'null' : typeof raw}` });
  }
  const items = text.split('|');
  items.forEach((item, index) => {
    if (item.trim() === '') return; // the trailing `|` (and any doubled one) leaves an empty item
    const at = item.indexOf('=');
    if (at <= 0) {
      problems.push({ index, item, reason: at === 0 ? 'item has an empty key' : 'item has no "=" (expected KEY=VALUE)' });
      return;
    }
    const key = item.slice(0, at).trim();
    const normalizedKey = normalizePositionKey(key);
    if (byKey.has(normalizedKey)) problems.push({ index, key, item, reason: `duplicate key ${key}; the last value wins` });
    const value = item.slice(at + 1);
    entries.push({ key, normalizedKey, value });
    byKey.set(normalizedKey, value);
  });
  if (text !== '' && !text.endsWith('|')) {
    problems.push({ index: items.length - 1, item: items.at(-1) ?? '', reason: 'payload does not end with "|" (truncated?)' });
  }
  return {
    raw: text,
    entries,
    problems,
    get: (key) => byKey.get(normalizePositionKey(key)),
    has: (key) => byKey.has(normalizePositionKey(key)),
  };
}

/** The typed reading of the fields neoapi.md §3.2 lists. Absent or unset values are `undefined`. */
export interface PositionSnapshot {
  readonly device: string | undefined;
  readonly ip: string | undefined;
  readonly port: number | undefined;
  /** `STATUS=OK`: logged in with a registered device. */
  readonly statusOk: boolean;
  readonly server: string | undefined;
  readonly user: string | undefined;
  readonly loginAt: NeoDateTime | undefined;
  /** `SAL_CAMPAÑA_DEFAULT`: outbound campaign the agent is logged into (0 → undefined). */
  readonly outboundCampaign: number | undefined;
  readonly campaignLoginAt: NeoDateTime | undefined;
  readonly channel: string | undefined;
  readonly subState: string | undefined;
  readonly subStateLast: string | undefined;
  readonly ringingAt: NeoDateTime | undefined;
  readonly dialingAt: NeoDateTime | undefined;
  readonly agentAt: NeoDateTime | undefined;
  readonly callStartedAt: NeoDateTime | undefined;
  /** `SUBTIPO_DESCANSO` (0 → undefined: not on a break). */
  readonly breakSubtype: number | undefined;
  readonly breakStartedAt: NeoDateTime | undefined;
  readonly breakEndedAt: NeoDateTime | undefined;
  /** `ESTADO_CRM` as sent (`Available`, `GetContact`, …). */
  readonly crmState: string | undefined;
  readonly crmStateSince: NeoDateTime | undefined;
  readonly campaign: number | undefined;
  readonly campaignLast: number | undefined;
  readonly queue: number | undefined;
  readonly queueLast: number | undefined;
  readonly dnis: string | undefined;
  readonly ani: string | undefined;
  readonly phone: string | undefined;
  readonly phoneLast: string | undefined;
  readonly callType: string | undefined;
  readonly callTypeLast: string | undefined;
  readonly callOrigin: string | undefined;
  readonly callOriginLast: string | undefined;
  readonly direction: string | undefined;
  readonly directionLast: string | undefined;
  readonly crm: number | undefined;
  readonly base: number | undefined;
  readonly contactId: number | undefined;
  readonly data: string | undefined;
  readonly clave: string | undefined;
  /** `CLAVE` read as `K=V;` pairs, when it is shaped so. */
  readonly claveFields: Readonly<Record<string, string>> | undefined;
  /** `CLAVE` read as the `CLAVESF` convention `idContacto-Data`, when it is shaped so. */
  readonly claveSf: { readonly contactId: number; readonly data: string } | undefined;
  readonly searchField: string | undefined;
  readonly agendaId: string | undefined;
  /** `IDLLAMADA` as text (0 → undefined: no call). */
  readonly callId: string | undefined;
  readonly callIdLast: string | undefined;
  readonly conference: string | undefined;
  readonly recording: boolean;
  readonly recordingFile: string | undefined;
  readonly forwardPhone: string | undefined;
  readonly outboundDialer: string | undefined;
  readonly outboundCrm: number | undefined;
  readonly outboundBase: number | undefined;
  readonly associatedChannels: readonly string[];
}

export interface ParsedPosition extends PositionSnapshot {
  readonly entries: RawPosition;
  /** Everything that could not be read, entries and typed fields alike. */
  readonly problems: readonly PositionProblem[];
}

/** Parses a Position payload into typed fields plus the raw entries. Never throws. */
export function parsePosition(raw: unknown): ParsedPosition {
  const entries = parsePositionEntries(raw);
  const problems: PositionProblem[] = [...entries.problems];
  const indexOf = (key: string): number => {
    const normalized = normalizePositionKey(key);
    return entries.raw.split('|').findIndex((item) => normalizePositionKey(item.split('=')[0] ?? '') === normalized);
  };
  const text = (key: string): string | undefined => {
    const value = entries.get(key);
    return value === undefined || value === '' ? undefined : value;
  };
  const read = <T>(key: string, reader: (value: string) => ReadResult<T>): T | undefined => {
    const value = entries.get(key);
    if (value === undefined) return undefined;
    const result = reader(value);
    if (result.ok) return result.value;
    problems.push({ index: indexOf(key), key, item: `${key}=${value}`, reason: result.problem });
    return undefined;
  };
  const int = (key: string): number | undefined => read(key, readInteger);
  const nonZero = (key: string): number | undefined => {
    const value = int(key);
    return value === 0 ? undefined : value;
  };
  const date = (key: string): NeoDateTime | undefined => read(key, readNeoDateTime);
  const callId = (key: string): string | undefined => {
    const value = text(key)?.trim();
    if (value === undefined || /^0+$/.test(value)) return undefined;
    if (!/^\d+$/.test(value)) problems.push({ index: indexOf(key), key, item: `${key}=${value}`, reason: `expected a numeric call id, got ${JSON.stringify(value)}` });
    return value;
  };
  const clave = text('CLAVE');
  const snapshot = {
    device: text('DEVICE'),
    ip: text('IP'),
    port: nonZero('PORT'),
    statusOk: entries.get('STATUS')?.trim().toUpperCase() === 'OK',
    server: text('SERVER'),
    user: text('USUARIO'),
    loginAt: date('INICIO_LOGIN') ?? date('TIEMPO_LOGIN'),
    outboundCampaign: nonZero('SAL_CAMPAÑA_DEFAULT'),
    campaignLoginAt: date('INICIO_LOGIN_CAMPAÑA'),
    channel: text('CHANNEL'),
    subState: text('SUB_ESTADO'),
    subStateLast: text('SUB_ESTADO_ULT'),
    ringingAt: date('RINGING'),
    dialingAt: date('DIALING'),
    agentAt: date('AGENT'),
    callStartedAt: date('TIEMPO_LLAMADA'),
    breakSubtype: nonZero('SUBTIPO_DESCANSO'),
    breakStartedAt: date('INICIO_DESCANSO'),
    breakEndedAt: date('TIEMPO_DESCANSO'),
    crmState: text('ESTADO_CRM'),
    crmStateSince: date('INICIO_CRM'),
    campaign: nonZero('CAMPAÑA'),
    campaignLast: nonZero('CAMPAÑA_ULT'),
    queue: nonZero('COLA'),
    queueLast: nonZero('COLA_ULT'),
    dnis: text('DNIS'),
    ani: text('ANI'),
    phone: text('TELEFONO'),
    phoneLast: text('ANI_TELEFONO_ULT'),
    callType: text('TIPO_LLAMADA'),
    callTypeLast: text('TIPO_LLAMADA_ULT'),
    callOrigin: text('ORIGEN_LLAMADA'),
    callOriginLast: text('ORIGEN_LLAMADA_ULT'),
    direction: text('DIRECCION'),
    directionLast: text('DIRECCION_ULT'),
    crm: nonZero('CRM'),
    base: nonZero('BASE'),
    contactId: nonZero('IDCONTACTO'),
    data: text('DATA'),
    clave,
    claveFields: clave === undefined ? undefined : readKeyData(clave),
    claveSf: clave === undefined ? undefined : readClaveSf(clave),
    searchField: text('CAMPO_BUSQUEDA'),
    agendaId: text('IDAGENDA'),
    callId: callId('IDLLAMADA'),
    callIdLast: callId('IDLLAMADA_ULT'),
    conference: text('CONFERENCIA'),
    recording: entries.get('GRABANDO')?.trim().toUpperCase() === 'SI',
    recordingFile: text('GRABACION'),
    forwardPhone: text('TELEFONO_DESVIO'),
    outboundDialer: text('SAL_TIPO_DISCADOR'),
    outboundCrm: nonZero('SAL_CRM'),
    outboundBase: nonZero('SAL_BASE'),
    associatedChannels: readBrokenBarList(entries.get('CANALES_ASOCIADOS') ?? ''),
  };
  // Problems in payload order, whichever field found them first.
  return { ...snapshot, entries, problems: problems.sort((a, b) => a.index - b.index) };
}
