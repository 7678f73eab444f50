/**
 * The NeoApi contract as data: every web method Dialtone knows, with its UPPER-CASE parameters,
 * XSD types, result kind, Spanish aliases and how strong the evidence for it is. One table, read
 * by the browser client (building requests), by the dev/neotel simulator (routing, parameter
 * checking, WSDL) and mirrored in prose by `docs/neoapi-contract.md`.
 *
 * Pure data and types: this file ships to the browser, so it imports nothing.
 *
 * Wire rules every entry obeys (ASP.NET ASMX, see docs/neoapi-contract.md §1):
 *  - HTTP GET `…/webservice.asmx/<Method>?P=v`, HTTP POST form to the same URL, or SOAP 1.1 to
 *    `…/webservice.asmx` with `SOAPAction: "http://tempuri.org/<Method>"`.
 *  - Over the HTTP bindings ASMX demands EVERY declared parameter (an empty value is fine for a
 *    string): a missing one is `500 Missing parameter: X.`. `required: false` marks the few
 *    parameters this contract treats as optional (the server ignores them when absent).
 *  - Method names are case-sensitive; parameter names are case-insensitive over HTTP, exact in SOAP.
 */

/** XSD types NeoApi parameters use. `int` is a .NET Int32, `dateTime` an xsd:dateTime. */
export const NEO_PARAM_TYPES = ['string', 'int', 'boolean', 'dateTime'] as const;
export type NeoParamType = (typeof NEO_PARAM_TYPES)[number];

/** What a method answers: nothing (empty 200), `<string>` or `<boolean>`. */
export type NeoResultKind = 'void' | 'string' | 'boolean';

/**
 * How we know: `wsdl` = client classes generated from Neotel's WSDL; `code` = third-party code
 * against live servers; `3p-doc` = a third party's write-up; `dialtone` = our own choice for an
 * unknown (neoapi.md §8), which a real server may spell differently or lack.
 */
export type NeoEvidence = 'wsdl' | 'code' | '3p-doc' | 'dialtone';

export interface NeoParamSpec {
  readonly name: string;
  readonly type: NeoParamType;
  readonly required: boolean;
}

export interface NeoMethodSpec {
  /** The wire name (WSDL operation). */
  readonly method: string;
  readonly params: readonly NeoParamSpec[];
  readonly result: NeoResultKind;
  /** Other wire names for the same operation (same parameters). */
  readonly aliases: readonly string[];
  /** Evidence for the method's existence and name. */
  readonly evidence: NeoEvidence;
  /** Evidence for the parameter list when weaker than the name's. */
  readonly paramsEvidence?: NeoEvidence;
  /** One line: what it does. */
  readonly summary: string;
}

/**
 * The date sent where a `dateTime` must be sent but means nothing (`FECHA_AGENDA` without a
 * callback, an optional date left out): the platform ignores it then. One placeholder for all.
 */
export const NEO_NO_DATE = '2000-01-01T00:00:00';

/** Target namespace of the service, its WSDL and every SOAPAction. */
export const NEO_NAMESPACE = 'http://tempuri.org/';
/** Path of the service on the application server (IIS matches it case-insensitively). */
export const NEO_SERVICE_PATH = '/neoapi/webservice.asmx';
/** Name of the ASMX class, used for WSDL port types and bindings. */
export const NEO_SERVICE_NAME = 'WebService';

// Each helper keeps the literal name, so the request types below know every parameter.
const s = <N extends string>(name: N) => ({ name, type: 'string', required: true }) as const;
const i = <N extends string>(name: N) => ({ name, type: 'int', required: true }) as const;
const b = <N extends string>(name: N) => ({ name, type: 'boolean', required: true }) as const;
const d = <N extends string>(name: N) => ({ name, type: 'dateTime', required: true }) as const;
const optional = <N extends string, T extends NeoParamType>(spec: { readonly name: N; readonly type: T }) => ({ name: spec.name, type: spec.type, required: false }) as const;
const U = s('USUARIO');

/**
 * Every method except the `ExecuteTaskNN` family (see {@link NEO_TASK_METHODS}). `as const`: the
 * request types ({@link NeoRequest}) are derived from it, so a parameter name or value type
 * that disagrees with this table does not compile.
 */
export const NEO_CORE_METHODS = [
  // Session
  { method: 'Login', params: [s('DEVICE'), U, s('CLAVE')], result: 'void', aliases: [], evidence: 'code', summary: 'Logs USUARIO into the telephony platform on the position DEVICE (`SIP/<name>`, must be registered).' },
  { method: 'Logout', params: [U], result: 'void', aliases: [], evidence: 'code', summary: 'Full logout: ends any call, leaves the campaign, frees the position and the API licence.' },
  { method: 'Validate', params: [s('TELEFONO'), i('CAMPAÑA')], result: 'boolean', aliases: [], evidence: '3p-doc', summary: 'Whether TELEFONO may be dialled in campaign CAMPAÑA (false when blocked or not a number).' },
  // Campaigns
  { method: 'Login_Campaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: ['Login_Campaña'], evidence: 'code', summary: 'Enters the outbound campaign CAMPAÑA; the dialer may then deliver contacts.' },
  { method: 'Login_Campaign2', params: [U, i('CAMPANA')], result: 'void', aliases: [], evidence: 'code', summary: 'Login_Campaign with the ASCII parameter name CAMPANA (avoids the Ñ encoding trap).' },
  { method: 'Logout_Campaign', params: [U, optional(i('CAMPAÑA'))], result: 'void', aliases: ['Logout_Campaña'], evidence: 'code', summary: 'Leaves the current outbound campaign; CAMPAÑA is optional and, when sent, must be the current one.' },
  // Agent state
  { method: 'Pause', params: [U, i('SUBTIPO_DESCANSO')], result: 'void', aliases: [], evidence: 'code', summary: 'Starts a break of sub-type SUBTIPO_DESCANSO (the platform catalogue).' },
  { method: 'Unpause', params: [U], result: 'void', aliases: [], evidence: 'code', summary: 'Ends the current break.' },
  { method: 'Descanso', params: [U, b('DESCANSO')], result: 'void', aliases: [], evidence: 'code', paramsEvidence: 'dialtone', summary: 'true = break of the default sub-type (1 Descanso); false = end the break.' },
  { method: 'Tiempo_Administrativo', params: [U, b('TIEMPO_ADM')], result: 'void', aliases: [], evidence: '3p-doc', summary: 'true = enter administrative time (a break of the administrative sub-type); false = leave it.' },
  { method: 'CRM_Available', params: [U], result: 'void', aliases: ['CRM_Disponible'], evidence: 'code', summary: 'Releases the CRM record on screen: ESTADO_CRM=Available, the dialer may deliver again.' },
  { method: 'CRM_Unavailable', params: [U], result: 'boolean', aliases: ['CRM_No_Disponible'], evidence: 'code', paramsEvidence: 'code', summary: 'ESTADO_CRM=Unavailable: the dialer delivers nothing until CRM_Available. Answers true.' },
  // Polling
  { method: 'Position', params: [U], result: 'string', aliases: ['Posicion'], evidence: 'code', summary: 'The agent position snapshot, `KEY=VALUE|…` (see src/platforms/neotel/position.ts).' },
  // Contact handling
  { method: 'CRM_ShowingContact', params: [U, i('BASE'), i('IDCONTACTO'), s('DATA')], result: 'void', aliases: ['CRM_Mostrando_Contacto'], evidence: 'wsdl', summary: 'Tells the platform the record is on screen: ESTADO_CRM=ShowingContact, the dialer holds.' },
  {
    method: 'UpdateContact',
    params: [i('CRM'), U, i('BASE'), i('IDCONTACTO'), s('DATA'), i('SUBCATEGORIA'), s('XML_UPDATE'), b('AGENDA'), d('FECHA_AGENDA'), s('USUARIO_AGENDA'), s('TEL_AGENDA')],
    result: 'void',
    aliases: [],
    evidence: 'wsdl',
    summary: 'Categorises the contact (SUBCATEGORIA) and optionally schedules a callback (AGENDA, FECHA_AGENDA).',
  },
  { method: 'AddScheduleCall', params: [U, i('BASE'), i('IDCONTACTO'), s('DATA'), s('TELEFONO'), d('FECHA_AGENDA')], result: 'string', aliases: [], evidence: 'wsdl', summary: 'Schedules a callback for the contact; answers the new agenda id.' },
  { method: 'CloseContact', params: [i('BASE'), i('IDCONTACTO')], result: 'void', aliases: [], evidence: 'code', summary: 'Closes the record: the dialer never calls it again.' },
  // Call control
  { method: 'Dial', params: [U, s('TELEFONO')], result: 'boolean', aliases: ['Discar'], evidence: 'code', summary: "Manual dial: rings the agent's device (platform leg), then TELEFONO. false when the agent cannot dial now." },
  { method: 'Hangup', params: [U], result: 'void', aliases: ['Cortar'], evidence: 'code', summary: "Ends the agent's call (during an attended transfer: ends the consultation only)." },
  { method: 'SendDTMF', params: [U, s('DIGITOS')], result: 'void', aliases: [], evidence: 'code', summary: 'Sends digits to the far end; `*12NN` transfers to entry NN of the campaign transfer list.' },
  { method: 'Iniciar_Grabacion', params: [U], result: 'void', aliases: [], evidence: '3p-doc', summary: 'Starts recording the current call (GRABANDO=SI).' },
  { method: 'Detener_Grabacion', params: [U], result: 'void', aliases: [], evidence: '3p-doc', summary: 'Stops recording the current call (GRABANDO=NO).' },
  // Transfers
  { method: 'BlindTransfer', params: [U, s('EXTENSION')], result: 'void', aliases: [], evidence: 'code', summary: 'Direct transfer to EXTENSION: a platform user id, a device `SIP/…` or an external number.' },
  { method: 'AttendedTransfer', params: [U, s('EXTENSION')], result: 'void', aliases: [], evidence: 'code', summary: 'Consults EXTENSION while the customer waits; finish with CompleteTransfer or EndTransfer.' },
  { method: 'BlindTransferQueue', params: [U, i('COLA')], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Direct transfer of the customer into queue COLA.' },
  { method: 'BlindTransferCampaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: "Direct transfer into the inbound queue of campaign CAMPAÑA." },
  { method: 'AttendedTransferCampaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: [], evidence: 'dialtone', summary: 'Consults an available agent of the first queue of campaign CAMPAÑA; finish with CompleteTransfer or EndTransfer.' },
  { method: 'AttendedTransferQueue', params: [U, i('COLA')], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Consults an available agent of queue COLA; finish with CompleteTransfer or EndTransfer.' },
  { method: 'CompleteTransfer', params: [U], result: 'void', aliases: [], evidence: 'dialtone', summary: 'Attended transfer: connects the customer with the consulted party and drops the agent.' },
  { method: 'EndTransfer', params: [U], result: 'void', aliases: [], evidence: 'dialtone', summary: '"Fin de transferencia": ends the consultation and returns the agent to the customer.' },
  // Conference
  { method: 'JoinConference', params: [U], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: "Turns the agent's call into a conference (CONFERENCIA = the call id)." },
  { method: 'InviteParticipant', params: [U, s('EXTENSION')], result: 'string', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Invites a user, device or external number into the conference; answers the participant id (its channel).' },
  { method: 'CancelInvitation', params: [U, s('PARTICIPANTE')], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Cancels a participant that is still ringing.' },
  { method: 'KickParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Expulsar_Participante'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Drops one participant from the conference.' },
  { method: 'KickAll', params: [U], result: 'void', aliases: ['Expulsar_Todos'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Drops every invited participant; the original two-party call continues.' },
  { method: 'MuteParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Silenciar_Participante'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Nobody hears PARTICIPANTE until unmuted.' },
  { method: 'UnmuteParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Dessilenciar_Participante'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Undoes MuteParticipant.' },
  { method: 'MuteAll', params: [U], result: 'void', aliases: ['Silenciar_Todos'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Mutes every party except the agent.' },
  { method: 'UnmuteAll', params: [U], result: 'void', aliases: ['Dessilenciar_Todos'], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Undoes MuteAll and every MuteParticipant.' },
  // Monitoring
  { method: 'StartMonitor', params: [U, s('AGENTE'), s('MODO')], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Supervisor USUARIO listens to (MODO=listen), assists (MODO=assist, whisper) or joins the call of (MODO=barge) agent AGENTE; again to switch mode.' },
  { method: 'StopMonitor', params: [U], result: 'void', aliases: [], evidence: '3p-doc', paramsEvidence: 'dialtone', summary: 'Ends the monitoring session of supervisor USUARIO.' },
  // Messaging (no public document names it: Dialtone's default, renamed per deployment with neoApiMethods)
  { method: 'SendTextMessage', params: [U, s('TELEFONO'), s('MENSAJE'), s('CANAL')], result: 'string', aliases: [], evidence: 'dialtone', summary: 'Sends MENSAJE to TELEFONO over CANAL (SMS or WHATSAPP) on behalf of USUARIO; answers the message id.' },
  // Listings (none found on real servers; a client must feature-detect them through the WSDL)
  { method: 'GetUsers', params: [U], result: 'string', aliases: [], evidence: 'dialtone', summary: 'JSON array of platform users with their state, for transfer/monitor pickers.' },
  { method: 'GetQueues', params: [U], result: 'string', aliases: [], evidence: 'dialtone', summary: 'JSON array of queues (id, name, campaign).' },
  { method: 'GetCampaigns', params: [U], result: 'string', aliases: [], evidence: 'dialtone', summary: 'JSON array of campaigns (id, name, type, dialer, transfer list).' },
  { method: 'GetBreakTypes', params: [U], result: 'string', aliases: [], evidence: 'dialtone', summary: 'JSON array of break sub-types (id, name).' },
  { method: 'GetSubcategories', params: [U], result: 'string', aliases: [], evidence: 'dialtone', summary: 'JSON array of categories with their sub-categories (ids as UpdateContact expects).' },
  // Events
  { method: 'NeotelEvents', params: [s('eventInfo')], result: 'string', aliases: [], evidence: '3p-doc', paramsEvidence: '3p-doc', summary: 'Exists in the WSDL listing; format unknown. Answers an empty string.' },
] as const satisfies readonly NeoMethodSpec[];

/** A core method's contract name. */
export type NeoMethodName = (typeof NEO_CORE_METHODS)[number]['method'];
type SpecOf<M extends NeoMethodName> = Extract<(typeof NEO_CORE_METHODS)[number], { readonly method: M }>;
type ParamOf<M extends NeoMethodName> = SpecOf<M>['params'][number];
/** The TypeScript value of an XSD type (`dateTime` as `YYYY-MM-DDTHH:mm:ss` text). */
export type NeoValueOf<T extends NeoParamType> = T extends 'int' ? number : T extends 'boolean' ? boolean : string;
/** The parameters of method `M`, by contract name and value type; optional ones may be left out. */
export type NeoRequestParams<M extends NeoMethodName> = {
  readonly [P in ParamOf<M> as P['required'] extends true ? P['name'] : never]: NeoValueOf<P['type']>;
} & {
  readonly [P in ParamOf<M> as P['required'] extends true ? never : P['name']]?: NeoValueOf<P['type']>;
};
/** A request of the contract: e.g. `NeoRequest<'Dial'>` = `{ method: 'Dial', params: { USUARIO: string; TELEFONO: string } }`. */
export type NeoRequest<M extends NeoMethodName = NeoMethodName> = M extends NeoMethodName ? { readonly method: M; readonly params: NeoRequestParams<M> } : never;
/** Every parameter name of the core methods. */
export type NeoParamName = ParamOf<NeoMethodName>['name'];

/** Highest NN of `ExecuteTaskNN` (the WSDL one client describes has 00–22). */
export const NEO_TASK_MAX_PARAMS = 22;

/** `ExecuteTask00` … `ExecuteTask22`: run Neotel *Tarea* `idTask` with NN positional string parameters. */
export const NEO_TASK_METHODS: readonly NeoMethodSpec[] = Array.from({ length: NEO_TASK_MAX_PARAMS + 1 }, (_, count) => ({
  method: `ExecuteTask${String(count).padStart(2, '0')}`,
  params: [i('idTask'), ...Array.from({ length: count }, (_unused, index): NeoParamSpec => s(`param${index + 1}`))],
  result: 'string' as const,
  aliases: [],
  evidence: 'code' as const,
  summary: `Runs the task idTask with ${count} parameter(s); answers what the task returns (JSON in practice).`,
}));

/** The whole contract, in WSDL order. */
export const NEO_METHODS: readonly NeoMethodSpec[] = [...NEO_CORE_METHODS, ...NEO_TASK_METHODS];

/** A wire name (method or alias) resolved to its spec. */
export interface NeoOperation {
  readonly wireName: string;
  readonly spec: NeoMethodSpec;
}

/** Every wire name, aliases included, to its spec. Method names are case-sensitive (ASMX). */
export const NEO_OPERATIONS: ReadonlyMap<string, NeoOperation> = new Map(
  NEO_METHODS.flatMap((spec) => [spec.method, ...spec.aliases].map((wireName) => [wireName, { wireName, spec }] as const)),
);

/**
 * The Position keys Dialtone reads (docs/neoapi-contract.md §4): wire names like the methods',
 * so they stay inside the Neotel adapter (a test greps the platform-neutral folders for them).
 */
export const NEO_POSITION_KEYS = [
  'ANI', 'ANI_TELEFONO_ULT', 'BASE', 'CAMPAÑA', 'CAMPAÑA_ULT', 'CAMPO_BUSQUEDA', 'CANALES_ASOCIADOS', 'CLAVE', 'COLA', 'COLA_ULT',
  'CONFERENCIA', 'CRM', 'DATA', 'DEVICE', 'DIRECCION', 'DIRECCION_ULT', 'DNIS', 'ESTADO_CRM', 'GRABACION', 'GRABANDO', 'IDAGENDA',
  'IDCONTACTO', 'IDLLAMADA', 'IDLLAMADA_ULT', 'INICIO_CRM', 'INICIO_DESCANSO', 'INICIO_LOGIN', 'INICIO_LOGIN_CAMPAÑA', 'MONITOREO',
  'MONITOREO_USUARIO', 'ORIGEN_LLAMADA', 'ORIGEN_LLAMADA_ULT', 'SAL_BASE', 'SAL_CAMPAÑA_DEFAULT', 'SAL_CRM', 'SAL_TIPO_DISCADOR',
  'SUBTIPO_DESCANSO', 'SUB_ESTADO', 'SUB_ESTADO_ULT', 'TELEFONO', 'TELEFONO_DESVIO', 'TIEMPO_DESCANSO', 'TIEMPO_LLAMADA', 'TIEMPO_LOGIN',
  'TIPO_LLAMADA', 'TIPO_LLAMADA_ULT', 'USUARIO',
] as const;

/**
 * Texts of the errors a client must recognise. Real servers answer HTTP 500 (or a SOAP fault)
 * whose text CONTAINS these; match with `includes`/`test`, never equality, because the exact
 * prefix depends on the binding and the server's customErrors setting.
 */
export const NEO_ERROR_PATTERNS = {
  /** `Position <DEVICE> not found`: the device is unknown or not registered. */
  positionNotFound: /Position \S* ?not found/,
  /** `Position <DEVICE> not free`: another user holds the position. */
  positionNotFree: /not free/,
  /** `<USUARIO> not logged.`: Position/any agent method for a user that is not logged in. */
  notLogged: /not logged\./,
  /** `No more API licenses.` */
  noLicenses: /No more API licenses\./,
  /** `User <USUARIO> already logged on position <DEVICE>` (dialtone wording). */
  alreadyLogged: /already logged on position/,
  /** `User <USUARIO> not found` (dialtone wording). */
  unknownUser: /User \S* ?not found/,
  /** `Invalid password for user <USUARIO>` (dialtone wording). */
  wrongPassword: /Invalid password/,
  /** ASMX parameter errors (HTTP bindings). */
  missingParameter: /Missing parameter: /,
  badParameter: /Cannot convert /,
} as const;
