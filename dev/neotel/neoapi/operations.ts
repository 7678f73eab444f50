/**
 * Each NeoApi method (contract name) → the contact-center call it makes. Arguments arrive
 * converted to their contract types by the binding (HTTP or SOAP); `Args` reads them by name.
 */
import { NEO_CORE_METHODS, NEO_TASK_METHODS } from '../../../src/platforms/neotel/contract.ts';
import type { ContactCenter } from '../center/contact-center.ts';
import type { ParamValue, WallTime } from './param-values.ts';

/** The converted arguments of one request, by contract parameter name. */
export class Args {
  constructor(private readonly values: ReadonlyMap<string, ParamValue | undefined>) {}

  s(name: string): string {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : '';
  }
  i(name: string): number {
    const value = this.values.get(name);
    return typeof value === 'number' ? value : 0;
  }
  /** An optional int: `undefined` when the client did not send it. */
  oi(name: string): number | undefined {
    const value = this.values.get(name);
    return typeof value === 'number' ? value : undefined;
  }
  b(name: string): boolean {
    return this.values.get(name) === true;
  }
  d(name: string): WallTime {
    const value = this.values.get(name);
    if (typeof value === 'object') return value;
    return { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, text: '' };
  }
}

export type Operation = (center: ContactCenter, args: Args) => unknown;

const U = 'USUARIO';

/** Every core method by its contract name (aliases resolve to it through the contract). */
const CORE_OPERATIONS: Readonly<Record<string, Operation>> = {
  Login: (c, a) => c.login(a.s('DEVICE'), a.s(U), a.s('CLAVE')),
  Logout: (c, a) => c.logout(a.s(U)),
  Validate: (c, a) => c.validate(a.s('TELEFONO'), a.i('CAMPAÑA')),
  Login_Campaign: (c, a) => c.loginCampaign(a.s(U), a.i('CAMPAÑA')),
  Login_Campaign2: (c, a) => c.loginCampaign(a.s(U), a.i('CAMPANA')),
  Logout_Campaign: (c, a) => c.logoutCampaign(a.s(U), a.oi('CAMPAÑA')),
  Pause: (c, a) => c.pause(a.s(U), a.i('SUBTIPO_DESCANSO')),
  Unpause: (c, a) => c.unpause(a.s(U)),
  Descanso: (c, a) => c.descanso(a.s(U), a.b('DESCANSO')),
  Tiempo_Administrativo: (c, a) => c.administrativeTime(a.s(U), a.b('TIEMPO_ADM')),
  CRM_Available: (c, a) => c.crmAvailable(a.s(U)),
  CRM_Unavailable: (c, a) => c.crmUnavailable(a.s(U)),
  Position: (c, a) => c.position(a.s(U)),
  CRM_ShowingContact: (c, a) => c.crmShowingContact(a.s(U), a.i('BASE'), a.i('IDCONTACTO'), a.s('DATA')),
  UpdateContact: (c, a) =>
    c.updateContact({
      crm: a.i('CRM'),
      user: a.s(U),
      base: a.i('BASE'),
      contactId: a.i('IDCONTACTO'),
      data: a.s('DATA'),
      subcategory: a.i('SUBCATEGORIA'),
      xmlUpdate: a.s('XML_UPDATE'),
      agenda: a.b('AGENDA'),
      agendaAt: a.d('FECHA_AGENDA'),
      agendaUser: a.s('USUARIO_AGENDA'),
      agendaPhone: a.s('TEL_AGENDA'),
    }),
  AddScheduleCall: (c, a) => c.addScheduleCall(a.s(U), a.i('BASE'), a.i('IDCONTACTO'), a.s('TELEFONO'), a.d('FECHA_AGENDA')),
  CloseContact: (c, a) => c.closeContact(a.i('BASE'), a.i('IDCONTACTO')),
  Dial: (c, a) => c.dial(a.s(U), a.s('TELEFONO')),
  Hangup: (c, a) => c.hangup(a.s(U)),
  SendDTMF: (c, a) => c.sendDtmf(a.s(U), a.s('DIGITOS')),
  Iniciar_Grabacion: (c, a) => c.setRecording(a.s(U), true),
  Detener_Grabacion: (c, a) => c.setRecording(a.s(U), false),
  BlindTransfer: (c, a) => c.blindTransfer(a.s(U), a.s('EXTENSION')),
  AttendedTransfer: (c, a) => c.attendedTransfer(a.s(U), a.s('EXTENSION')),
  BlindTransferQueue: (c, a) => c.blindTransferQueue(a.s(U), a.i('COLA')),
  BlindTransferCampaign: (c, a) => c.blindTransferCampaign(a.s(U), a.i('CAMPAÑA')),
  AttendedTransferCampaign: (c, a) => c.attendedTransferCampaign(a.s(U), a.i('CAMPAÑA')),
  AttendedTransferQueue: (c, a) => c.attendedTransferQueue(a.s(U), a.i('COLA')),
  CompleteTransfer: (c, a) => c.completeTransfer(a.s(U)),
  EndTransfer: (c, a) => c.endTransfer(a.s(U)),
  JoinConference: (c, a) => c.joinConference(a.s(U)),
  InviteParticipant: (c, a) => c.inviteParticipant(a.s(U), a.s('EXTENSION')),
  CancelInvitation: (c, a) => c.cancelInvitation(a.s(U), a.s('PARTICIPANTE')),
  KickParticipant: (c, a) => c.kickParticipant(a.s(U), a.s('PARTICIPANTE')),
  KickAll: (c, a) => c.kickAll(a.s(U)),
  MuteParticipant: (c, a) => c.setParticipantMuted(a.s(U), a.s('PARTICIPANTE'), true),
  UnmuteParticipant: (c, a) => c.setParticipantMuted(a.s(U), a.s('PARTICIPANTE'), false),
  MuteAll: (c, a) => c.setAllMuted(a.s(U), true),
  UnmuteAll: (c, a) => c.setAllMuted(a.s(U), false),
  StartMonitor: (c, a) => c.startMonitor(a.s(U), a.s('AGENTE'), a.s('MODO')),
  StopMonitor: (c, a) => c.stopMonitor(a.s(U)),
  GetUsers: (c, a) => c.listUsers(a.s(U)),
  GetQueues: (c, a) => c.listQueues(a.s(U)),
  GetCampaigns: (c, a) => c.listCampaigns(a.s(U)),
  GetBreakTypes: (c, a) => c.listBreakTypes(a.s(U)),
  GetSubcategories: (c, a) => c.listSubcategories(a.s(U)),
  SendTextMessage: (c, a) => c.sendTextMessage(a.s(U), a.s('TELEFONO'), a.s('MENSAJE'), a.s('CANAL')),
  NeotelEvents: () => '',
};

function taskOperation(count: number): Operation {
  return (c, a) => c.executeTask(a.i('idTask'), Array.from({ length: count }, (_, index) => a.s(`param${index + 1}`)));
}

/** Operation by contract method name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ...Object.entries(CORE_OPERATIONS),
  ...NEO_TASK_METHODS.map((spec, count) => [spec.method, taskOperation(count)] as const),
]);

/** Contract methods without an operation (a test asserts there are none). */
export function unimplementedMethods(): string[] {
  return [...NEO_CORE_METHODS, ...NEO_TASK_METHODS].map((m) => m.method).filter((name) => !OPERATIONS.has(name));
}
