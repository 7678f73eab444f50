/**
 * Renders an agent session as the `Position` payload of a newer Neotel server: the key set and
 * order of real 2019 payloads (neoapi.md §3), `KEY=VALUE|` with a trailing `|`, `Ñ` in keys,
 * day-first server-locale dates, the two "unset" sentinels, `¦¦` before each associated channel.
 *
 * Observed details reproduced on purpose:
 *  - `RINGING`/`DIALING`/`AGENT` print `01/01/0001 12:00:00 a.m.` even mid-call (every sample);
 *  - other unset dates print `01/01/2000 12:00:00 a.m.`;
 *  - `_ULT` keys equal the current ones during a call and keep them afterwards;
 *  - `IDLLAMADA=0` without a call; `TIPO_LLAMADA=NotSet`, `SAL_TIPO_DISCADOR=NotSet` when unset;
 *  - `STATUS=OK` only while the device is registered (`IP=0.0.0.0|PORT=0|STATUS=|` otherwise).
 */
import { monitorsOf } from './call-legs.ts';
import { NO_CALL, syncLast, viewOf } from './call-view.ts';
import type { AgentSession } from './model.ts';
import type { World } from './world.ts';

/** The keys, in the order a newer server prints them. */
export const POSITION_KEYS = [
  'DEVICE', 'IP', 'PORT', 'STATUS', 'SERVER', 'USUARIO', 'INICIO_LOGIN', 'SAL_CAMPAÑA_DEFAULT', 'INICIO_LOGIN_CAMPAÑA', 'CHANNEL',
  'SUB_ESTADO', 'SUB_ESTADO_ULT', 'RINGING', 'DIALING', 'AGENT', 'TIEMPO_LLAMADA', 'SUBTIPO_DESCANSO', 'INICIO_DESCANSO',
  'TIEMPO_DESCANSO', 'ESTADO_CRM', 'INICIO_CRM', 'CAMPAÑA', 'CAMPAÑA_ULT', 'COLA', 'COLA_ULT', 'DNIS', 'ANI', 'TELEFONO',
  'ANI_TELEFONO_ULT', 'TIPO_LLAMADA', 'TIPO_LLAMADA_ULT', 'ORIGEN_LLAMADA', 'ORIGEN_LLAMADA_ULT', 'DIRECCION', 'DIRECCION_ULT',
  'CRM', 'BASE', 'IDCONTACTO', 'DATA', 'CLAVE', 'CAMPO_BUSQUEDA', 'IDAGENDA', 'IDLLAMADA', 'IDLLAMADA_ULT', 'CONFERENCIA',
  'GRABANDO', 'GRABACION', 'TELEFONO_DESVIO', 'SAL_TIPO_DISCADOR', 'SAL_CRM', 'SAL_BASE', 'CANALES_ASOCIADOS',
] as const;
export type PositionKey = (typeof POSITION_KEYS)[number];

/** The Position payload of a session. */
export function renderPosition(world: World, session: AgentSession): string {
  const call = session.call;
  const view = call ? viewOf(session, call) : NO_CALL;
  syncLast(session, view);
  const registration = world.pbx.registration(session.device);
  const date = (at: number | undefined, unset: 'min' | '2000' = '2000'): string => world.dates.format(at, unset);
  const record = session.record;
  const campaign = session.campaign;
  // The newest monitoring of this user whose supervisor leg is up (a ringing supervisor hears nothing yet).
  const monitor = monitorsOf(world, session.user.id).filter((m) => m.agentLeg?.state === 'up').at(-1);
  const values: Record<PositionKey, string | number> = {
    DEVICE: session.device,
    IP: registration?.ip ?? '0.0.0.0',
    PORT: registration?.port ?? 0,
    STATUS: registration ? 'OK' : '',
    SERVER: world.scenario.platform.server,
    USUARIO: session.user.id,
    INICIO_LOGIN: date(session.loginAt),
    SAL_CAMPAÑA_DEFAULT: campaign?.id ?? 0,
    INICIO_LOGIN_CAMPAÑA: date(session.campaignLoginAt),
    CHANNEL: view.channel,
    SUB_ESTADO: view.subState,
    SUB_ESTADO_ULT: session.last.subState,
    RINGING: date(undefined, 'min'),
    DIALING: date(undefined, 'min'),
    AGENT: date(undefined, 'min'),
    TIEMPO_LLAMADA: date(call?.startedAt ?? session.lastCallStartedAt),
    SUBTIPO_DESCANSO: session.breakSubtype,
    INICIO_DESCANSO: date(session.breakStartedAt),
    TIEMPO_DESCANSO: date(session.breakEndedAt),
    ESTADO_CRM: session.crmState,
    INICIO_CRM: date(session.crmSince),
    CAMPAÑA: view.campaign,
    CAMPAÑA_ULT: session.last.campaign,
    COLA: view.queue,
    COLA_ULT: session.last.queue,
    DNIS: view.dnis,
    ANI: view.ani,
    TELEFONO: view.phone,
    ANI_TELEFONO_ULT: session.last.phone,
    TIPO_LLAMADA: view.callType,
    TIPO_LLAMADA_ULT: session.last.callType,
    ORIGEN_LLAMADA: view.origin,
    ORIGEN_LLAMADA_ULT: session.last.origin,
    DIRECCION: view.direction,
    DIRECCION_ULT: session.last.direction,
    CRM: record?.crm ?? 0,
    BASE: record?.base ?? 0,
    IDCONTACTO: record?.contactId ?? 0,
    DATA: record?.data ?? '',
    CLAVE: view.clave || (record?.clave ?? ''),
    CAMPO_BUSQUEDA: record?.searchField ?? '',
    IDAGENDA: record?.agendaId ?? '',
    IDLLAMADA: view.callId,
    IDLLAMADA_ULT: session.last.callId,
    CONFERENCIA: view.conference,
    GRABANDO: view.recording ? 'SI' : 'NO',
    GRABACION: view.recordingFile,
    TELEFONO_DESVIO: view.transferTo,
    SAL_TIPO_DISCADOR: campaign?.dialer ?? 'NotSet',
    SAL_CRM: campaign?.crm ?? 0,
    SAL_BASE: campaign?.base ?? 0,
    CANALES_ASOCIADOS: view.associated.map((channel) => `¦¦${channel}`).join(''),
  };
  // A value can never contain the separator; real servers print what they have, so we only guard ours.
  const payload = POSITION_KEYS.map((key) => `${key}=${String(values[key]).replace(/\|/g, '/')}|`).join('');
  // Dialtone's choice (no real payload shows monitoring; docs/neoapi-contract.md §4): only while a
  // supervisor's leg is up on this user, two keys after the real ones say how, and who.
  return monitor?.monitor ? `${payload}MONITOREO=${monitor.monitor.mode}|MONITOREO_USUARIO=${monitor.agent ?? ''}|` : payload;
}
