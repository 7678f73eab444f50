/**
 * The NeoApi contract as data: every web method Dialtone knows, with its UPPER-CASE parameters,
 * XSD types, result kind and Spanish aliases. One table, read by the browser client (building
 * requests), by the dev/neotel simulator (routing, parameter checking, WSDL) and mirrored in prose
 * by `docs/neoapi-contract.md`. What each method does and how strong the evidence for it is are in
 * `contract-notes.ts`, which the browser never loads (their prose was ~1.5 KB gzip of the start-up
 * bundle: docs/benchmarks.md, "Tenth pass (e)").
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
  { method: 'Login', params: [s('DEVICE'), U, s('CLAVE')], result: 'void', aliases: [] },
  { method: 'Logout', params: [U], result: 'void', aliases: [] },
  { method: 'Validate', params: [s('TELEFONO'), i('CAMPAÑA')], result: 'boolean', aliases: [] },
  // Campaigns
  { method: 'Login_Campaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: ['Login_Campaña'] },
  { method: 'Login_Campaign2', params: [U, i('CAMPANA')], result: 'void', aliases: [] },
  { method: 'Logout_Campaign', params: [U, optional(i('CAMPAÑA'))], result: 'void', aliases: ['Logout_Campaña'] },
  // Agent state
  { method: 'Pause', params: [U, i('SUBTIPO_DESCANSO')], result: 'void', aliases: [] },
  { method: 'Unpause', params: [U], result: 'void', aliases: [] },
  { method: 'Descanso', params: [U, b('DESCANSO')], result: 'void', aliases: [] },
  { method: 'Tiempo_Administrativo', params: [U, b('TIEMPO_ADM')], result: 'void', aliases: [] },
  { method: 'CRM_Available', params: [U], result: 'void', aliases: ['CRM_Disponible'] },
  { method: 'CRM_Unavailable', params: [U], result: 'boolean', aliases: ['CRM_No_Disponible'] },
  // Polling
  { method: 'Position', params: [U], result: 'string', aliases: ['Posicion'] },
  // Contact handling
  { method: 'CRM_ShowingContact', params: [U, i('BASE'), i('IDCONTACTO'), s('DATA')], result: 'void', aliases: ['CRM_Mostrando_Contacto'] },
  {
    method: 'UpdateContact',
    params: [i('CRM'), U, i('BASE'), i('IDCONTACTO'), s('DATA'), i('SUBCATEGORIA'), s('XML_UPDATE'), b('AGENDA'), d('FECHA_AGENDA'), s('USUARIO_AGENDA'), s('TEL_AGENDA')],
    result: 'void',
    aliases: [],
  },
  { method: 'AddScheduleCall', params: [U, i('BASE'), i('IDCONTACTO'), s('DATA'), s('TELEFONO'), d('FECHA_AGENDA')], result: 'string', aliases: [] },
  { method: 'CloseContact', params: [i('BASE'), i('IDCONTACTO')], result: 'void', aliases: [] },
  // Call control
  { method: 'Dial', params: [U, s('TELEFONO')], result: 'boolean', aliases: ['Discar'] },
  { method: 'Hangup', params: [U], result: 'void', aliases: ['Cortar'] },
  { method: 'SendDTMF', params: [U, s('DIGITOS')], result: 'void', aliases: [] },
  { method: 'Iniciar_Grabacion', params: [U], result: 'void', aliases: [] },
  { method: 'Detener_Grabacion', params: [U], result: 'void', aliases: [] },
  // Transfers
  { method: 'BlindTransfer', params: [U, s('EXTENSION')], result: 'void', aliases: [] },
  { method: 'AttendedTransfer', params: [U, s('EXTENSION')], result: 'void', aliases: [] },
  { method: 'BlindTransferQueue', params: [U, i('COLA')], result: 'void', aliases: [] },
  { method: 'BlindTransferCampaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: [] },
  { method: 'AttendedTransferCampaign', params: [U, i('CAMPAÑA')], result: 'void', aliases: [] },
  { method: 'AttendedTransferQueue', params: [U, i('COLA')], result: 'void', aliases: [] },
  { method: 'CompleteTransfer', params: [U], result: 'void', aliases: [] },
  { method: 'EndTransfer', params: [U], result: 'void', aliases: [] },
  // Conference
  { method: 'JoinConference', params: [U], result: 'void', aliases: [] },
  { method: 'InviteParticipant', params: [U, s('EXTENSION')], result: 'string', aliases: [] },
  { method: 'CancelInvitation', params: [U, s('PARTICIPANTE')], result: 'void', aliases: [] },
  { method: 'KickParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Expulsar_Participante'] },
  { method: 'KickAll', params: [U], result: 'void', aliases: ['Expulsar_Todos'] },
  { method: 'MuteParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Silenciar_Participante'] },
  { method: 'UnmuteParticipant', params: [U, s('PARTICIPANTE')], result: 'void', aliases: ['Dessilenciar_Participante'] },
  { method: 'MuteAll', params: [U], result: 'void', aliases: ['Silenciar_Todos'] },
  { method: 'UnmuteAll', params: [U], result: 'void', aliases: ['Dessilenciar_Todos'] },
  // Monitoring
  { method: 'StartMonitor', params: [U, s('AGENTE'), s('MODO')], result: 'void', aliases: [] },
  { method: 'StopMonitor', params: [U], result: 'void', aliases: [] },
  // Messaging (no public document names it: Dialtone's default, renamed per deployment with neoApiMethods)
  { method: 'SendTextMessage', params: [U, s('TELEFONO'), s('MENSAJE'), s('CANAL')], result: 'string', aliases: [] },
  // Listings (none found on real servers; a client must feature-detect them through the WSDL)
  { method: 'GetUsers', params: [U], result: 'string', aliases: [] },
  { method: 'GetQueues', params: [U], result: 'string', aliases: [] },
  { method: 'GetCampaigns', params: [U], result: 'string', aliases: [] },
  { method: 'GetBreakTypes', params: [U], result: 'string', aliases: [] },
  { method: 'GetSubcategories', params: [U], result: 'string', aliases: [] },
  // Events
  { method: 'NeotelEvents', params: [s('eventInfo')], result: 'string', aliases: [] },
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
