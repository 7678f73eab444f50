/**
 * What each NeoApi method of the contract (`contract.ts`) does and how we know it: read by the
 * dev/neotel simulator (its help page and WSDL) and mirrored by `docs/neoapi-contract.md`. Kept
 * out of `contract.ts` because that table ships to the browser, where this prose is never shown
 * (docs/benchmarks.md, "Tenth pass (e)"); the static check `scripts/check-bundle-size.ts` fails
 * if a built chunk holds it.
 */
import { NEO_TASK_MAX_PARAMS, type NeoMethodName } from './contract.ts';

/**
 * How we know: `wsdl` = client classes generated from Neotel's WSDL; `code` = third-party code
 * against live servers; `3p-doc` = a third party's write-up; `dialtone` = our own choice for an
 * unknown (neoapi.md §8), which a real server may spell differently or lack.
 */
export type NeoEvidence = 'wsdl' | 'code' | '3p-doc' | 'dialtone';

export interface NeoMethodNote {
  /** Evidence for the method's existence and name. */
  readonly evidence: NeoEvidence;
  /** Evidence for the parameter list when weaker than the name's. */
  readonly paramsEvidence?: NeoEvidence;
  /** One line: what it does. */
  readonly summary: string;
}

/** The note of every core method (the compiler refuses a method without one). */
export const NEO_METHOD_NOTES: Readonly<Record<NeoMethodName, NeoMethodNote>> = {
  Login: { evidence: 'code', summary: 'Logs USUARIO into the telephony platform on the position DEVICE (`SIP/<name>`, must be registered).' },
  Logout: { evidence: 'code', summary: 'Full logout: ends any call, leaves the campaign, frees the position and the API licence.' },
  Validate: { evidence: '3p-doc', summary: 'Whether TELEFONO may be dialled in campaign CAMPAÑA (false when blocked or not a number).' },
  Login_Campaign: { evidence: 'code', summary: 'Enters the outbound campaign CAMPAÑA; the dialer may then deliver contacts.' },
  Login_Campaign2: { evidence: 'code', summary: 'Login_Campaign with the ASCII parameter name CAMPANA (avoids the Ñ encoding trap).' },
  Logout_Campaign: { evidence: 'code', summary: 'Leaves the current outbound campaign; CAMPAÑA is optional and, when sent, must be the current one.' },
  Pause: { evidence: 'code', summary: 'Starts a break of sub-type SUBTIPO_DESCANSO (the platform catalogue).' },
  Unpause: { evidence: 'code', summary: 'Ends the current break.' },
  Descanso: { evidence: 'code', paramsEvidence: 'dialtone', summary: 'true = break of the default sub-type (1 Descanso); false = end the break.' },
  Tiempo_Administrativo: { evidence: '3p-doc', summary: 'true = enter administrative time (a break of the administrative sub-type); false = leave it.' },
  CRM_Available: { evidence: 'code', summary: 'Releases the CRM record on screen: ESTADO_CRM=Available, the dialer may deliver again.' },
  CRM_Unavailable: { evidence: 'code', paramsEvidence: 'code', summary: 'ESTADO_CRM=Unavailable: the dialer delivers nothing until CRM_Available. Answers true.' },
  Position: { evidence: 'code', summary: 'The agent position snapshot, `KEY=VALUE|…` (see src/platforms/neotel/position.ts).' },
  CRM_ShowingContact: { evidence: 'wsdl', summary: 'Tells the platform the record is on screen: ESTADO_CRM=ShowingContact, the dialer holds.' },
  UpdateContact: { evidence: 'wsdl', summary: 'Categorises the contact (SUBCATEGORIA) and optionally schedules a callback (AGENDA, FECHA_AGENDA).' },
  AddScheduleCall: { evidence: 'wsdl', summary: 'Schedules a callback for the contact; answers the new agenda id.' },
  CloseContact: { evidence: 'code', summary: 'Closes the record: the dialer never calls it again.' },
  Dial: { evidence: 'code', summary: "Manual dial: rings the agent's device (platform leg), then TELEFONO. false when the agent cannot dial now." },
  Hangup: { evidence: 'code', summary: "Ends the agent's call (during an attended transfer: ends the consultation only)." },
  SendDTMF: { evidence: 'code', summary: 'Sends digits to the far end; `*12NN` transfers to entry NN of the campaign transfer list.' },
  Iniciar_Grabacion: { evidence: '3p-doc', summary: 'Starts recording the current call (GRABANDO=SI).' },
  Detener_Grabacion: { evidence: '3p-doc', summary: 'Stops recording the current call (GRABANDO=NO).' },
  BlindTransfer: { evidence: 'code', summary: 'Direct transfer to EXTENSION: a platform user id, a device `SIP/…` or an external number.' },
  AttendedTransfer: { evidence: 'code', summary: 'Consults EXTENSION while the customer waits; finish with CompleteTransfer or EndTransfer.' },
  BlindTransferQueue: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Direct transfer of the customer into queue COLA.' },
  BlindTransferCampaign: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: "Direct transfer into the inbound queue of campaign CAMPAÑA." },
  AttendedTransferCampaign: { evidence: 'dialtone', summary: 'Consults an available agent of the first queue of campaign CAMPAÑA; finish with CompleteTransfer or EndTransfer.' },
  AttendedTransferQueue: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Consults an available agent of queue COLA; finish with CompleteTransfer or EndTransfer.' },
  CompleteTransfer: { evidence: 'dialtone', summary: 'Attended transfer: connects the customer with the consulted party and drops the agent.' },
  EndTransfer: { evidence: 'dialtone', summary: '"Fin de transferencia": ends the consultation and returns the agent to the customer.' },
  JoinConference: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: "Turns the agent's call into a conference (CONFERENCIA = the call id)." },
  InviteParticipant: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Invites a user, device or external number into the conference; answers the participant id (its channel).' },
  CancelInvitation: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Cancels a participant that is still ringing.' },
  KickParticipant: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Drops one participant from the conference.' },
  KickAll: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Drops every invited participant; the original two-party call continues.' },
  MuteParticipant: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Nobody hears PARTICIPANTE until unmuted.' },
  UnmuteParticipant: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Undoes MuteParticipant.' },
  MuteAll: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Mutes every party except the agent.' },
  UnmuteAll: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Undoes MuteAll and every MuteParticipant.' },
  StartMonitor: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Supervisor USUARIO listens to (MODO=listen), assists (MODO=assist, whisper) or joins the call of (MODO=barge) agent AGENTE; again to switch mode.' },
  StopMonitor: { evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Ends the monitoring session of supervisor USUARIO.' },
  SendTextMessage: { evidence: 'dialtone', summary: 'Sends MENSAJE to TELEFONO over CANAL (SMS or WHATSAPP) on behalf of USUARIO; answers the message id.' },
  GetUsers: { evidence: 'dialtone', summary: 'JSON array of platform users with their state, for transfer/monitor pickers.' },
  GetQueues: { evidence: 'dialtone', summary: 'JSON array of queues (id, name, campaign).' },
  GetCampaigns: { evidence: 'dialtone', summary: 'JSON array of campaigns (id, name, type, dialer, transfer list).' },
  GetBreakTypes: { evidence: 'dialtone', summary: 'JSON array of break sub-types (id, name).' },
  GetSubcategories: { evidence: 'dialtone', summary: 'JSON array of categories with their sub-categories (ids as UpdateContact expects).' },
  NeotelEvents: { evidence: '3p-doc', paramsEvidence: '3p-doc', summary: 'Exists in the WSDL listing; format unknown. Answers an empty string.' },
};

/**
 * The note of a contract method (`Login`, `ExecuteTask03`; not an alias: resolve it with
 * `NEO_OPERATIONS` first). Throws for a name the contract does not have.
 */
export function noteOf(method: string): NeoMethodNote {
  if (Object.hasOwn(NEO_METHOD_NOTES, method)) return NEO_METHOD_NOTES[method as NeoMethodName];
  const task = /^ExecuteTask(\d\d)$/.exec(method);
  const count = task ? Number(task[1]) : Number.NaN;
  if (count <= NEO_TASK_MAX_PARAMS) return { evidence: 'code', summary: `Runs the task idTask with ${count} parameter(s); answers what the task returns (JSON in practice).` };
  throw new Error(`NeoApi contract notes: no method "${method}"; expected a method of NEO_METHODS (contract.ts), aliases resolved through NEO_OPERATIONS first.`);
}
