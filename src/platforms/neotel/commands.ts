/**
 * Domain commands (src/call/platform.ts) → NeoApi requests, by the contract's names. The
 * deployment's own spellings (`neoApiMethods`) are applied afterwards, by naming.ts; everything
 * else Neotel-specific about a command (the zeros of a call without contact, the "no callback"
 * date, which transfer method a target kind takes) lives here and nowhere else.
 */
import type { PlatformCommand } from '../../call/platform.ts';
import { NEO_NO_DATE, NEO_TASK_MAX_PARAMS, type NeoRequest } from './contract.ts';

/** An `ExecuteTaskNN` request: task methods are generated (contract.ts), so typed loosely. */
export interface NeoTaskRequest {
  readonly method: `ExecuteTask${string}`;
  readonly params: Readonly<Record<string, string | number>>;
}

/** `CANAL` of `SendTextMessage`, by channel (docs/text-messages.md). */
export const NEO_TEXT_CHANNELS = { sms: 'SMS', whatsapp: 'WHATSAPP' } as const;

/** `FECHA_AGENDA` is a required element even without a callback: the contract's one placeholder date. */
export const NO_CALLBACK_DATE = NEO_NO_DATE;

/**
 * The NeoApi request that carries out `command`. `platformTime` turns the agent's callback wall
 * time into the platform's (`platformTimeZone`, docs/wrap-up.md); default: sent as it is.
 */
export function neoRequestOf(command: PlatformCommand, platformTime: (wall: string) => string = (wall) => wall): NeoRequest {
  const USUARIO = command.agent;
  switch (command.command) {
    case 'login':
      return { method: 'Login', params: { DEVICE: command.device, USUARIO, CLAVE: command.password } };
    case 'logout':
      return { method: 'Logout', params: { USUARIO } };
    case 'joinCampaign':
      return { method: 'Login_Campaign2', params: { USUARIO, CAMPANA: command.campaign } };
    case 'leaveCampaign':
      return { method: 'Logout_Campaign', params: { USUARIO } };
    case 'pause':
      return { method: 'Pause', params: { USUARIO, SUBTIPO_DESCANSO: command.reason } };
    case 'unpause':
      return { method: 'Unpause', params: { USUARIO } };
    case 'dial':
      return { method: 'Dial', params: { USUARIO, TELEFONO: command.number } };
    case 'hangUp':
      return { method: 'Hangup', params: { USUARIO } };
    case 'sendDigits':
      return { method: 'SendDTMF', params: { USUARIO, DIGITOS: command.digits } };
    case 'showingContact': {
      const { base, contactId, data } = command.contact;
      return { method: 'CRM_ShowingContact', params: { USUARIO, BASE: base, IDCONTACTO: contactId, DATA: data } };
    }
    case 'categorise': {
      // A plain call has no contact: zeros, which the platform logs (docs/neoapi-contract.md).
      const contact = command.contact;
      const callback = command.callback;
      return {
        method: 'UpdateContact',
        params: {
          CRM: contact?.crm ?? 0,
          USUARIO,
          BASE: contact?.base ?? 0,
          IDCONTACTO: contact?.contactId ?? 0,
          DATA: contact?.data ?? '',
          SUBCATEGORIA: command.disposition,
          XML_UPDATE: '',
          AGENDA: callback !== null,
          FECHA_AGENDA: callback === null ? NO_CALLBACK_DATE : platformTime(callback.at),
          USUARIO_AGENDA: callback?.mine === true ? USUARIO : '',
          TEL_AGENDA: callback?.phone ?? '',
        },
      };
    }
    case 'scheduleCallback': {
      const { base, contactId, data } = command.contact;
      return { method: 'AddScheduleCall', params: { USUARIO, BASE: base, IDCONTACTO: contactId, DATA: data, TELEFONO: command.phone ?? '', FECHA_AGENDA: platformTime(command.at) } };
    }
    case 'release':
      return { method: 'CRM_Available', params: { USUARIO } };
    case 'setUnavailable':
      return { method: 'CRM_Unavailable', params: { USUARIO } };
    case 'transfer':
      return transferRequest(USUARIO, command);
    case 'completeTransfer':
      return { method: 'CompleteTransfer', params: { USUARIO } };
    case 'cancelTransfer':
      return { method: 'EndTransfer', params: { USUARIO } };
    case 'startConference':
      return { method: 'JoinConference', params: { USUARIO } };
    case 'invite':
      return { method: 'InviteParticipant', params: { USUARIO, EXTENSION: command.target.kind === 'number' ? command.target.number : command.target.user } };
    case 'kick':
      return { method: 'KickParticipant', params: { USUARIO, PARTICIPANTE: command.participant } };
    case 'kickAll':
      return { method: 'KickAll', params: { USUARIO } };
    case 'monitor':
      return { method: 'StartMonitor', params: { USUARIO, AGENTE: command.monitored, MODO: command.mode } };
    case 'stopMonitor':
      return { method: 'StopMonitor', params: { USUARIO } };
    case 'sendText':
      return { method: 'SendTextMessage', params: { USUARIO, TELEFONO: command.to, MENSAJE: command.text, CANAL: NEO_TEXT_CHANNELS[command.channel] } };
  }
}

/** A transfer: users, devices and numbers share `EXTENSION`; queues and campaigns have their own methods. */
function transferRequest(USUARIO: string, command: Extract<PlatformCommand, { command: 'transfer' }>): NeoRequest {
  const blind = command.mode === 'blind';
  const target = command.target;
  switch (target.kind) {
    case 'number':
    case 'user': {
      const EXTENSION = target.kind === 'number' ? target.number : target.user;
      return { method: blind ? 'BlindTransfer' : 'AttendedTransfer', params: { USUARIO, EXTENSION } };
    }
    case 'queue':
      return { method: blind ? 'BlindTransferQueue' : 'AttendedTransferQueue', params: { USUARIO, COLA: target.queue } };
    case 'campaign':
      return { method: blind ? 'BlindTransferCampaign' : 'AttendedTransferCampaign', params: { USUARIO, CAMPAÑA: target.campaign } };
  }
}

/** `ExecuteTaskNN(idTask, param1…paramNN)`: NN is the number of parameters (neoapi.md §2.10). */
export function taskRequest(task: number, params: readonly string[]): NeoTaskRequest {
  if (params.length > NEO_TASK_MAX_PARAMS) throw new Error(`A Neotel task takes at most ${NEO_TASK_MAX_PARAMS} parameters; received ${params.length} for task ${task}.`);
  const wire: Record<string, string | number> = { idTask: task };
  params.forEach((value, index) => (wire[`param${index + 1}`] = value));
  return { method: `ExecuteTask${String(params.length).padStart(2, '0')}`, params: wire };
}
