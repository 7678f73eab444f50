/**
 * The NeoApi client: the agent softphone's operations as typed methods over the ASMX wire format
 * (HTTP GET, HTTP POST form or SOAP 1.1, chosen by `neoApiBinding`), plus {@link NeoApiClient.call}
 * for any other method of the contract. Every method rejects with a `NeoApiError`.
 *
 * ```ts
 * const neo = new NeoApiClient(neoApiClientOptions(config.connection));
 * await neo.login({ device: 'SIP/1001', user: '1001', password });
 * await neo.loginCampaign('1001', 97);
 * const text = await neo.position('1001');
 * ```
 */
import type { ConnectionConfig, NeoApiBinding } from '../../config/config-types.ts';
import { NeoApiError } from './errors.ts';
import type { NeoParams } from './request-params.ts';
import { callNeoApi, type CallOptions, type FetchLike, type NeoApiLogEntry, type TransportSettings } from './transport.ts';
import type { NeoResultValue } from './wire-response.ts';

export type { CallOptions, FetchLike, NeoApiLogEntry } from './transport.ts';

/** `Login_Campaign2` + `CAMPANA` (ASCII, the default) or the `CAMPAÑA` spellings. */
export type LoginCampaignMethod = 'Login_Campaign2' | 'Login_Campaign' | 'Login_Campaña';
/** `Logout_Campaign` (default) or its `Ñ` alias. */
export type LogoutCampaignMethod = 'Logout_Campaign' | 'Logout_Campaña';

/** How to build a {@link NeoApiClient}. */
export interface NeoApiClientOptions {
  /** `…/neoapi/webservice.asmx`. */
  readonly serviceUrl: string;
  readonly binding: NeoApiBinding;
  /** Per-request timeout in ms. */
  readonly timeoutMs: number;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Called after every request with a redacted entry (no `CLAVE`). */
  readonly log?: (entry: NeoApiLogEntry) => void;
  /** Default `Login_Campaign2` (avoids the `Ñ` encoding trap). */
  readonly loginCampaignMethod?: LoginCampaignMethod;
  /** Default `Logout_Campaign`. */
  readonly logoutCampaignMethod?: LogoutCampaignMethod;
  /** Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Options for a {@link NeoApiClient} from the validated connection settings. */
export function neoApiClientOptions(connection: ConnectionConfig, extra: Partial<NeoApiClientOptions> = {}): NeoApiClientOptions {
  return { serviceUrl: connection.neoApiUrl, binding: connection.neoApiBinding, timeoutMs: connection.neoApiTimeoutMs, ...extra };
}

/** `CRM_ShowingContact` / `UpdateContact` identify the record with the values Position gave. */
export interface ContactRef {
  readonly user: string;
  readonly base: number;
  readonly contactId: number;
  /** Position `DATA` (the record key on screen). */
  readonly data: string;
}

/** `UpdateContact`: the disposition, and a callback when `schedule` is given. */
export interface UpdateContactInput extends ContactRef {
  /** Position `CRM`. */
  readonly crm: number;
  /** Neotel sub-category id (`SUBCATEGORIA`). */
  readonly subcategory: number;
  /** `XML_UPDATE` (format undocumented); default empty. */
  readonly xmlUpdate?: string;
  readonly schedule?: {
    /** `YYYY-MM-DDTHH:mm:ss`, server wall time. */
    readonly at: string;
    /** Agent the callback is for; empty = any agent of the campaign. */
    readonly user?: string;
    /** Number to call back; empty = the contact's phone. */
    readonly phone?: string;
  };
}

/** `AddScheduleCall`. */
export interface ScheduleCallInput extends ContactRef {
  readonly phone: string;
  /** `YYYY-MM-DDTHH:mm:ss`, server wall time. */
  readonly at: string;
}

/** `FECHA_AGENDA` is a required element even without a callback: .NET's `DateTime.MinValue`. */
const NO_DATE = '0001-01-01T00:00:00';

function expectKind(value: NeoResultValue, kind: 'string', method: string): string;
function expectKind(value: NeoResultValue, kind: 'boolean', method: string): boolean;
function expectKind(value: NeoResultValue, kind: 'string' | 'boolean', method: string): string | boolean {
  if (typeof value === 'string' || typeof value === 'boolean') {
    if (typeof value === kind) return value;
  }
  // The contract fixes the result kind per method; this only fires if the table is edited wrongly.
  throw new NeoApiError('MALFORMED_RESPONSE', method, `NeoApi ${method} decoded to ${typeof value}; the contract says ${kind}.`);
}

/** Typed NeoApi operations for the agent softphone. */
export class NeoApiClient {
  private readonly settings: TransportSettings;
  private readonly loginCampaignMethod: LoginCampaignMethod;
  private readonly logoutCampaignMethod: LogoutCampaignMethod;

  constructor(options: NeoApiClientOptions) {
    const fetchImpl = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
    this.settings = {
      serviceUrl: options.serviceUrl,
      binding: options.binding,
      timeoutMs: options.timeoutMs,
      fetch: fetchImpl,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      log: options.log,
      now: () => Date.now(),
    };
    this.loginCampaignMethod = options.loginCampaignMethod ?? 'Login_Campaign2';
    this.logoutCampaignMethod = options.logoutCampaignMethod ?? 'Logout_Campaign';
  }

  /** The binding in use. */
  get binding(): NeoApiBinding {
    return this.settings.binding;
  }

  /**
   * Any method of the contract by its wire name (aliases included), with its parameters by
   * contract name. Resolves `undefined` (void), a string or a boolean.
   */
  call(method: string, params: NeoParams, options?: CallOptions): Promise<NeoResultValue> {
    return callNeoApi(this.settings, method, params, options);
  }

  private async void(method: string, params: NeoParams, options?: CallOptions): Promise<void> {
    await this.call(method, params, options);
  }

  /** `Login(DEVICE, USUARIO, CLAVE)`: the device must be registered (`POSITION_NOT_FOUND`). */
  login(input: { readonly device: string; readonly user: string; readonly password: string }, options?: CallOptions): Promise<void> {
    return this.void('Login', { DEVICE: input.device, USUARIO: input.user, CLAVE: input.password }, options);
  }

  /** `Logout(USUARIO)`: ends calls, leaves the campaign, frees the position and the licence. */
  logout(user: string, options?: CallOptions): Promise<void> {
    return this.void('Logout', { USUARIO: user }, options);
  }

  /** Enters outbound campaign `campaign` (`Login_Campaign2` by default). */
  loginCampaign(user: string, campaign: number, options?: CallOptions): Promise<void> {
    const param = this.loginCampaignMethod === 'Login_Campaign2' ? 'CAMPANA' : 'CAMPAÑA';
    return this.void(this.loginCampaignMethod, { USUARIO: user, [param]: campaign }, options);
  }

  /** Leaves the current campaign; `campaign` (optional) must be the current one. */
  logoutCampaign(user: string, campaign?: number, options?: CallOptions): Promise<void> {
    return this.void(this.logoutCampaignMethod, { USUARIO: user, CAMPAÑA: campaign }, options);
  }

  /** Starts a break of sub-type `breakSubtype` (`SUBTIPO_DESCANSO`). */
  pause(user: string, breakSubtype: number, options?: CallOptions): Promise<void> {
    return this.void('Pause', { USUARIO: user, SUBTIPO_DESCANSO: breakSubtype }, options);
  }

  /** Ends the current break. */
  unpause(user: string, options?: CallOptions): Promise<void> {
    return this.void('Unpause', { USUARIO: user }, options);
  }

  /** Releases the record on screen: the dialer may deliver again. */
  crmAvailable(user: string, options?: CallOptions): Promise<void> {
    return this.void('CRM_Available', { USUARIO: user }, options);
  }

  /** The dialer delivers nothing until {@link crmAvailable}. */
  async crmUnavailable(user: string, options?: CallOptions): Promise<boolean> {
    return expectKind(await this.call('CRM_Unavailable', { USUARIO: user }, options), 'boolean', 'CRM_Unavailable');
  }

  /** The raw Position text (parse it with `parsePosition`). */
  async position(user: string, options?: CallOptions): Promise<string> {
    return expectKind(await this.call('Position', { USUARIO: user }, options), 'string', 'Position');
  }

  /** Tells the platform the delivered record is on screen (the dialer holds). */
  crmShowingContact(contact: ContactRef, options?: CallOptions): Promise<void> {
    return this.void('CRM_ShowingContact', { USUARIO: contact.user, BASE: contact.base, IDCONTACTO: contact.contactId, DATA: contact.data }, options);
  }

  /** Categorises the contact, and schedules a callback when `schedule` is given. */
  updateContact(input: UpdateContactInput, options?: CallOptions): Promise<void> {
    return this.void(
      'UpdateContact',
      {
        CRM: input.crm,
        USUARIO: input.user,
        BASE: input.base,
        IDCONTACTO: input.contactId,
        DATA: input.data,
        SUBCATEGORIA: input.subcategory,
        XML_UPDATE: input.xmlUpdate ?? '',
        AGENDA: input.schedule !== undefined,
        FECHA_AGENDA: input.schedule?.at ?? NO_DATE,
        USUARIO_AGENDA: input.schedule?.user ?? '',
        TEL_AGENDA: input.schedule?.phone ?? '',
      },
      options,
    );
  }

  /** Schedules a callback; resolves the new agenda id. */
  async addScheduleCall(input: ScheduleCallInput, options?: CallOptions): Promise<string> {
    const params = { USUARIO: input.user, BASE: input.base, IDCONTACTO: input.contactId, DATA: input.data, TELEFONO: input.phone, FECHA_AGENDA: input.at };
    return expectKind(await this.call('AddScheduleCall', params, options), 'string', 'AddScheduleCall');
  }

  /** Closes the record: the dialer never calls it again. */
  closeContact(input: { readonly base: number; readonly contactId: number }, options?: CallOptions): Promise<void> {
    return this.void('CloseContact', { BASE: input.base, IDCONTACTO: input.contactId }, options);
  }

  /** Manual dial; `false` when the platform cannot dial now (in a call, blocked number…). */
  async dial(user: string, phone: string, options?: CallOptions): Promise<boolean> {
    return expectKind(await this.call('Dial', { USUARIO: user, TELEFONO: phone }, options), 'boolean', 'Dial');
  }

  /** Ends the agent's call (during an attended transfer: only the consultation). */
  hangup(user: string, options?: CallOptions): Promise<void> {
    return this.void('Hangup', { USUARIO: user }, options);
  }

  /** Sends DTMF digits to the far end. */
  sendDtmf(user: string, digits: string, options?: CallOptions): Promise<void> {
    return this.void('SendDTMF', { USUARIO: user, DIGITOS: digits }, options);
  }

  /** `Iniciar_Grabacion`. */
  startRecording(user: string, options?: CallOptions): Promise<void> {
    return this.void('Iniciar_Grabacion', { USUARIO: user }, options);
  }

  /** `Detener_Grabacion`. */
  stopRecording(user: string, options?: CallOptions): Promise<void> {
    return this.void('Detener_Grabacion', { USUARIO: user }, options);
  }

  /** Direct transfer to a user id, a device `SIP/…` or an outside number. */
  blindTransfer(user: string, extension: string, options?: CallOptions): Promise<void> {
    return this.void('BlindTransfer', { USUARIO: user, EXTENSION: extension }, options);
  }

  /** Consults `extension` while the customer waits (finish with `CompleteTransfer`/`EndTransfer` via {@link call}). */
  attendedTransfer(user: string, extension: string, options?: CallOptions): Promise<void> {
    return this.void('AttendedTransfer', { USUARIO: user, EXTENSION: extension }, options);
  }
}
