/**
 * The Spanish texts of the catalogue's nested sections (health gate, attendant, connector,
 * phone window, notice causes, failures). One file per language, so the browser fetches only the
 * language on screen (src/i18n/lazy.ts; the three together were a shared 8 KB gzip chunk every
 * catalogue pulled, docs/benchmarks.md "Size"). The section files keep the types, and the types
 * keep the three files complete: a key added to one section must be added here in every language.
 */
import type { AttendantMessages } from './attendant-messages.ts';
import type { ConnectorMessages } from './connector-messages.ts';
import type { FailureMessages } from './failures.ts';
import type { HealthMessages } from './health-messages.ts';
import type { NoticeCauseMessages } from './notice-causes.ts';
import type { PhoneWindowMessages } from './phone-window-messages.ts';
import type { RefusalHints } from './refusal-hints.ts';
import { failedIn } from './operations.ts';

export const HEALTH_ES: HealthMessages = {
  title: 'Antes de recibir llamadas',
  allClear: 'Todo comprobado: puede recibir llamadas.',
  blocked: 'No puede recibir llamadas hasta resolver esto:',
  checkAgain: 'Comprobar de nuevo',
  allowMicrophone: 'Permitir el micrófono',
  playTone: 'Reproducir un tono de prueba',
  tonePlaying: 'Reproduciendo el tono de prueba…',
  tonePlayed: 'El tono de prueba sonó. Si no lo oyó, revise el volumen de sus auriculares o altavoz.',
  level: 'Nivel del micrófono',
  blockedHint: (reason) => `No es posible ahora: ${reason}`,
  check: { microphone: 'Micrófono', speaker: 'Altavoz y timbre', phone: 'Registro del teléfono', platform: 'Centro de contacto', salesforce: 'Salesforce', storage: 'Almacenamiento del navegador' },
  status: { ok: 'Bien', failed: 'Falla', warning: 'Revisar', checking: 'Comprobando…', later: 'Al entrar', skipped: 'No se usa' },
  reason: {
    micDenied: 'El navegador bloquea el micrófono. Pulse el candado a la izquierda de la dirección, ponga Micrófono en Permitir y vuelva aquí.',
    micPrompt: 'El navegador le pedirá el micrófono al iniciar sesión: elija Permitir.',
    micNoDevice: 'No se encontró ningún micrófono. Conecte sus auriculares y pulse «Comprobar de nuevo».',
    micSilent: 'Su micrófono no envía sonido. Revise que no esté silenciado (botón del auricular o ajustes del sistema).',
    micFailed: 'No se pudo abrir el micrófono. Cierre otros programas que lo usen y pulse «Comprobar de nuevo».',
    speakerNoDevice: 'No se encontró altavoz ni auriculares. Conecte uno y pulse «Comprobar de nuevo».',
    toneFailed: 'El tono de prueba no pudo sonar. Permita el sonido para este sitio e inténtelo de nuevo.',
    phoneLater: 'Se comprueba al iniciar sesión.',
    phoneDown: 'El teléfono no está registrado: las llamadas no le llegan. Cierre sesión y vuelva a entrar; si sigue pasando, avise a su supervisor.',
    phoneReconnecting: 'El teléfono se está reconectando: las llamadas no le llegan hasta que vuelva. Espere un momento.',
    platformUnreachable: 'El centro de contacto no responde. Revise su red; Dialtone sigue intentándolo solo.',
    platformViaPhone: 'Este centro de contacto se comprueba con el registro del teléfono.',
    salesforceStandalone: 'No está abierto dentro de Salesforce: aquí no hay fichas ni registros de llamadas.',
    salesforceFailed: 'Salesforce no respondió. Recargue la página de Salesforce; los registros de llamadas esperan en este navegador.',
    storageUnavailable: 'Este navegador no deja a Dialtone guardar datos: los registros de llamadas se pierden si se cierra la página. Permita los datos del sitio de Dialtone.',
  },
  statusPlatformLost: 'Conexión perdida',
};

export const ATTENDANT_ES: AttendantMessages = {
  locale: 'es',
  historyTitle: 'Llamadas recientes',
  historyEmpty: 'Aún no hay llamadas: aquí aparecen las que atiende o hace.',
  historyKept: (limit) => `Sus últimas ${limit} llamadas se guardan en este navegador; «Olvidarme» las borra.`,
  directions: { inbound: 'Entrante', outbound: 'Saliente', dialer: 'Campaña' },
  withheld: 'Número privado',
  unknownCaller: 'Llamante desconocido',
  notAnswered: 'No atendida',
  talked: (clock) => `Habló ${clock}`,
  notCategorised: 'Sin resultado',
  redial: 'Llamar',
  redialLabel: (who) => `Llamar a ${who}`,
  showInCrm: 'Ver en el CRM',
  showInCrmLabel: (what) => `Ver en el CRM: ${what}`,
  foundInCrm: 'Encontrado en Salesforce',
  panelSizeRange: 'Ancho 200–1920 px, alto 240–2560 px. Déjelo vacío para el tamaño del centro de llamadas; su tamaño se recupera en cada carga.',
  panelSizeRefused: 'No aplicado: el ancho debe ser de 200–1920 px y el alto de 240–2560 px (o vacío).',
  linksTitle: 'Enlaces de teléfono',
  linksHelp: 'Permita que este navegador abra con Dialtone los enlaces tel:, sip: y callto: de cualquier página. Los enlaces dentro de Salesforce ya marcan con clic para marcar.',
  linksRegister: 'Abrir los enlaces de teléfono con Dialtone',
  linksRegistered: 'Pedido al navegador. Si muestra un aviso, elija Permitir: los enlaces de teléfono marcarán desde la pestaña que tiene su teléfono.',
  linksUnsupported: 'Este navegador no puede pasar enlaces de teléfono a Dialtone. Use clic para marcar en Salesforce o escriba el número.',
  linksFailed: (detail) => `El navegador no registró Dialtone para los enlaces de teléfono: ${detail}`,
};

export const CONNECTOR_ES: ConnectorMessages = {
  recordingTitle: 'Grabación de la llamada',
  recordingPlayer: 'Reproducir la grabación de la llamada',
  recordingOpen: 'Abrir la grabación en una pestaña nueva',
  recordingFailed:
    'No se pudo cargar la grabación: puede que aún no esté lista o que el servidor de grabaciones la haya rechazado. Vuelva a intentarlo en un minuto, o ábrala desde el enlace de la tarea.',
  recordingRetry: 'Reintentar',
  reopenedSynced: 'El registro nuevo que guardó quedó vinculado a esta llamada.',
  reopenedNotSynced:
    'Todavía no hay un registro nuevo guardado para esta llamada: guárdelo en Salesforce y pulse «Sincronizar registro nuevo», o libere el contacto para seguir trabajando.',
  reopenedSearch: 'Varios registros coinciden: elija el de esta llamada con «Usar este registro».',
  customerTime: (zone) => `Hora del cliente (${zone})`,
  agentTime: (time) => `Su hora: ${time}`,
  zoneFromRecord: 'zona horaria del registro',
  zoneFromNumber: 'zona horaria según el número',
};

export const PHONE_WINDOW_ES: PhoneWindowMessages = {
  windowTitle: 'Teléfono Dialtone',
  windowWhy: 'Esta ventana sostiene sus llamadas: recargar o cerrar pestañas de Salesforce nunca corta una. Manténgala abierta; si la cierra, el panel de Salesforce recupera el teléfono.',
  connected: 'Su teléfono funciona en la ventana de teléfono: recargar Salesforce no cortará una llamada.',
  show: 'Mostrar ventana de teléfono',
  offer: 'Abra la ventana de teléfono para que recargar Salesforce nunca corte una llamada.',
  open: 'Abrir ventana de teléfono',
  busy: 'Termine esta llamada primero: la ventana de teléfono toma el teléfono entre llamadas.',
  blocked: 'El navegador bloqueó la ventana de teléfono. Permita ventanas emergentes para este sitio y vuelva a pulsar Abrir ventana de teléfono.',
  useLabel: 'Usar una ventana de teléfono',
  useHelp: 'Una ventana pequeña que mantiene sus llamadas mientras Salesforce se recarga.',
};

export const NOTICE_CAUSES_ES: NoticeCauseMessages = {
  sipPassword: 'El servidor telefónico rechazó la contraseña del dispositivo. Revise el número de dispositivo y la contraseña que escribió e inicie sesión de nuevo.',
  sipDevice: 'El servidor telefónico no conoce este dispositivo. Revise el número de dispositivo que escribió e inicie sesión de nuevo.',
  sipUnreachable: 'El servidor telefónico no respondió. Revise su red e inicie sesión de nuevo; si sigue pasando, avise a su supervisor.',
  sipRefused: 'El servidor telefónico no aceptó registrar este dispositivo. Inicie sesión de nuevo en un momento; si sigue pasando, avise a su supervisor.',
  platformLostInCall: 'Se perdió la conexión con el centro de contacto: la llamada puede seguir activa. Siga hablando si oye al cliente y cuelgue aquí al terminar; si la llamada se cortó, espere: Dialtone se reconecta solo.',
};

export const FAILURES_ES: FailureMessages = {
  op: failedIn('es'),
  cause: {
    UNREACHABLE: 'El centro de contacto no respondió, así que nada cambió. Vuelva a intentarlo en un momento; si sigue pasando, revise su red o avise a su supervisor.',
    REFUSED: 'El centro de contacto lo rechazó. Revise el número o su estado actual y vuelva a intentarlo.',
    NOT_LOGGED_IN: 'El centro de contacto ya no tiene su sesión. Inicie sesión de nuevo.',
    BAD_CREDENTIALS: 'El usuario o la contraseña no son correctos. Revíselos e inicie sesión de nuevo.',
    DEVICE_UNAVAILABLE: 'Su dispositivo telefónico no está registrado o lo usa otra persona. Revise el número de dispositivo o consulte a su supervisor.',
    ALREADY_LOGGED_IN: 'Este usuario tiene sesión en otra posición. Ciérrela allí primero o consulte a su supervisor.',
    NO_LICENCES: 'El centro de contacto no tiene licencias de agente libres. Inténtelo más tarde o consulte a su supervisor.',
    MISCONFIGURED: 'El centro de contacto no entendió la petición: su configuración no coincide con la de Dialtone. Envíe los detalles técnicos a su administrador.',
    UNSUPPORTED: 'Este centro de contacto no puede hacer eso.',
  },
  details: 'Detalles técnicos',
};

export const REFUSAL_HINTS_ES: RefusalHints = {
  NOT_LOGGED_IN: 'Inicie sesión primero.',
  ALREADY_LOGGED_IN: 'Cierre la sesión para cambiar de usuario o dispositivo.',
  LOGIN_IN_PROGRESS: 'Espere a que termine el inicio de sesión.',
  LOGOUT_IN_PROGRESS: 'Espere a que termine el cierre de sesión.',
  CALL_IN_PROGRESS: 'Termine antes la llamada en curso.',
  WRAP_UP_IN_PROGRESS: 'Termine antes la tipificación.',
  NO_CALL: 'No hay audio de llamada aquí sobre el que actuar.',
  NOT_RINGING: 'Espere a que suene el teléfono.',
  NOT_CONNECTED: 'Espere a que se conecte la llamada.',
  NOT_IN_WRAP_UP: 'Disponible cuando termine la llamada.',
  ALREADY_HELD: 'La llamada está en espera: recupérela antes.',
  NOT_HELD: 'La llamada no está en espera.',
  ALREADY_MUTED: 'El micrófono está silenciado: actívelo antes.',
  NOT_MUTED: 'El micrófono no está silenciado.',
  NO_CONTACT: 'Esta llamada no tiene un contacto de la plataforma.',
  ALREADY_ON_BREAK: 'Ya está en este descanso.',
  NOT_ON_BREAK: 'No está en descanso.',
  ALREADY_IN_CAMPAIGN: 'Ya está en esta campaña.',
  NOT_IN_CAMPAIGN: 'Entre antes en una campaña.',
  OPERATION_PENDING: 'Espere la respuesta de la plataforma.',
  PHONE_NOT_REGISTERED: 'Espere a que se conecte el teléfono.',
  CATEGORISATION_DISABLED: 'Este centro de llamadas no usa tipificaciones.',
  CATEGORISATION_REQUIRED: 'Guarde antes una tipificación.',
  RELEASE_NOT_ALLOWED: 'Guarde antes una tipificación.',
  INVALID_ARGUMENT: 'Revise lo que eligió o escribió.',
  TRANSFER_IN_PROGRESS: 'Hay una transferencia en curso: use antes Completar transferencia o Fin de transferencia.',
  NOT_CONSULTING: 'Inicie antes una transferencia con consulta.',
  CONFERENCE_IN_PROGRESS: 'Termine antes la conferencia.',
  NOT_IN_CONFERENCE: 'Inicie antes la conferencia.',
};
