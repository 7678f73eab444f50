import type { CallDirection, Notice } from '../call/index.ts';

/** Why a typed number was refused (mirrors `DialRefusal` of the agent view). */
export type DialRefusalCode = 'empty' | 'tooShort' | 'tooLong' | 'invalidCharacters' | 'notANumber';

/**
 * Every string Dialtone shows a person. One interface, one object per language; the compiler
 * refuses a language that misses a message. Messages with data are functions so word order can
 * differ between languages.
 */
export interface Messages {
  readonly appName: string;
  readonly booting: string;
  readonly statusOffline: string;
  readonly statusLabel: string;

  readonly standaloneTitle: string;
  readonly standaloneBody: string;
  readonly standaloneReason: (detail: string) => string;

  readonly configErrorTitle: string;
  readonly configErrorIntro: (count: number) => string;
  readonly configErrorAdminHint: string;
  readonly configItem: string;
  readonly configReceived: string;
  readonly configExpected: string;
  readonly configNothing: string;

  readonly settingsUnavailableTitle: string;
  readonly settingsUnavailableBody: (detail: string) => string;
  readonly retry: string;

  readonly readyTitle: string;
  readonly connectedToSalesforce: string;
  readonly contactCenter: string;
  readonly phoneServer: string;

  readonly loginTitle: string;
  readonly loginDevice: string;
  readonly loginDeviceAs: (login: string) => string;
  readonly loginDevicePassword: string;
  readonly loginDevicePasswordRemembered: string;
  readonly loginUser: string;
  readonly loginPassword: string;
  readonly loginCampaign: string;
  readonly loginCampaignNumber: string;
  readonly loginNoCampaign: string;
  readonly loginRemember: string;
  readonly loginAutoLogin: string;
  readonly loginSubmit: string;
  readonly loginRegistering: string;
  readonly loginAuthenticating: string;
  readonly fieldRequired: (field: string) => string;
  readonly campaignNotANumber: (received: string) => string;

  readonly statusLoggedOut: string;
  readonly statusLoggingIn: string;
  readonly statusReady: string;
  readonly statusPausing: string;
  readonly statusOnBreak: (name: string) => string;
  readonly statusInCampaign: (name: string) => string;
  readonly statusDialing: string;
  readonly statusRinging: string;
  readonly statusInCall: string;
  readonly statusOnHold: string;
  readonly statusWrapUp: string;
  readonly statusLoggingOut: string;
  readonly statusTimer: string;
  readonly phoneStatus: Readonly<Record<'registered' | 'registering' | 'reconnecting' | 'down', string>>;
  readonly neoApiDegraded: string;
  readonly tabFollower: string;
  readonly logout: string;
  readonly confirmLogoutTitle: string;
  readonly confirmLogoutBody: string;
  readonly confirmLogoutYes: string;
  readonly cancel: string;

  readonly breakTitle: string;
  readonly breakType: string;
  readonly breakStart: string;
  readonly breakEnd: string;
  readonly breakPausing: string;
  readonly breakUnpausing: string;
  readonly breakName: (id: number) => string;

  readonly campaignTitle: string;
  readonly campaignSelect: string;
  readonly campaignNumber: string;
  readonly campaignJoin: string;
  readonly campaignLeave: string;
  readonly campaignJoining: string;
  readonly campaignLeaving: string;
  readonly campaignName: (id: number) => string;

  readonly dialTitle: string;
  readonly dialNumber: string;
  readonly dialButton: string;
  readonly keypad: string;
  readonly dtmfSent: string;
  readonly dialRefused: Readonly<Record<DialRefusalCode, (number: string) => string>>;

  readonly incomingTitle: string;
  readonly direction: Readonly<Record<CallDirection, string>>;
  readonly callNumber: string;
  readonly unknownNumber: string;
  readonly queue: string;
  readonly queueName: (id: number) => string;
  readonly campaign: string;
  readonly autoAnswering: string;
  readonly answer: string;
  readonly answering: string;
  readonly decline: string;

  readonly callControls: string;
  readonly callingNumber: (number: string) => string;
  readonly inCallWith: (number: string) => string;
  readonly callTimer: string;
  readonly hangUp: string;
  readonly hold: string;
  readonly resume: string;
  readonly mute: string;
  readonly unmute: string;
  readonly showKeypad: string;
  readonly hideKeypad: string;

  readonly wrapUpTitle: string;
  readonly available: string;
  readonly disposition: string;
  readonly chooseDisposition: string;
  readonly saveDisposition: string;
  readonly dispositionSaved: (name: string) => string;
  readonly releaseContact: string;
  readonly autoReleaseIn: (time: string) => string;
  readonly wrapUpBusy: string;

  readonly infoTitle: string;
  readonly infoCallId: string;
  readonly infoContactId: string;
  readonly infoBaseId: string;
  readonly infoCrmId: string;
  readonly infoSearchKey: string;

  readonly settingsTitle: string;
  readonly panelWidth: string;
  readonly panelHeight: string;
  readonly applyPanelSize: string;
  readonly autoMinimise: string;
  readonly microphone: string;
  readonly speaker: string;
  readonly ringer: string;
  readonly systemDefault: string;
  readonly outputNotSelectable: string;
  readonly allowMicrophone: string;
  readonly microphoneAsk: string;
  readonly microphoneDenied: string;
  readonly forgetDevicePassword: string;

  readonly noticesLabel: string;
  readonly notices: Readonly<Record<Notice, string>>;
  readonly dismiss: string;
}

/** Languages with a complete catalogue. */
export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const en: Messages = {
  appName: 'Dialtone',
  booting: 'Starting the softphone…',
  statusOffline: 'Offline',
  statusLabel: 'Agent status',
  standaloneTitle: 'Not inside Salesforce',
  standaloneBody:
    'Dialtone runs in the Salesforce utility bar. Open it from your Lightning app; screen pops and call logs need Salesforce.',
  standaloneReason: (detail) => `Why: ${detail}`,
  configErrorTitle: 'The call center is not configured correctly',
  configErrorIntro: (count) =>
    count === 1 ? 'One setting needs fixing before the softphone can start:' : `${count} settings need fixing before the softphone can start:`,
  configErrorAdminHint: 'Ask your Salesforce administrator to correct them in Setup → Call Centers.',
  configItem: 'Setting',
  configReceived: 'Value',
  configExpected: 'Expected',
  configNothing: '(empty)',
  settingsUnavailableTitle: 'Could not read the call center settings',
  settingsUnavailableBody: (detail) => `Salesforce did not return the settings: ${detail}`,
  retry: 'Try again',
  readyTitle: 'Softphone ready',
  connectedToSalesforce: 'Connected to Salesforce',
  contactCenter: 'Contact center',
  phoneServer: 'Phone server',
  loginTitle: 'Log in to the contact center',
  loginDevice: 'Device',
  loginDeviceAs: (login) => `Logs in as ${login}`,
  loginDevicePassword: 'Device (SIP) password',
  loginDevicePasswordRemembered: 'Saved in this browser: leave it empty to use the saved one.',
  loginUser: 'User',
  loginPassword: 'Password',
  loginCampaign: 'Outbound campaign (optional)',
  loginCampaignNumber: 'Outbound campaign number (optional)',
  loginNoCampaign: 'No campaign',
  loginRemember: 'Remember me in this browser',
  loginAutoLogin: 'Log in automatically',
  loginSubmit: 'Log in',
  loginRegistering: 'Registering the phone…',
  loginAuthenticating: 'Logging in to the contact center…',
  fieldRequired: (field) => `${field} is required.`,
  campaignNotANumber: (received) => `The campaign must be a number; received "${received}".`,
  statusLoggedOut: 'Logged out',
  statusLoggingIn: 'Logging in',
  statusReady: 'Ready',
  statusPausing: 'Starting break',
  statusOnBreak: (name) => `On break: ${name}`,
  statusInCampaign: (name) => `In campaign ${name}`,
  statusDialing: 'Calling',
  statusRinging: 'Ringing',
  statusInCall: 'In call',
  statusOnHold: 'On hold',
  statusWrapUp: 'Wrap-up',
  statusLoggingOut: 'Logging out',
  statusTimer: 'Time in this status',
  phoneStatus: { registered: 'Phone ready', registering: 'Phone registering', reconnecting: 'Phone reconnecting', down: 'Phone offline' },
  neoApiDegraded: 'Contact center not responding: status may be out of date',
  tabFollower: 'Controlled from another tab',
  logout: 'Log out',
  confirmLogoutTitle: 'Log out now?',
  confirmLogoutBody: 'A call or its wrap-up is still open. Log out anyway?',
  confirmLogoutYes: 'Log out anyway',
  cancel: 'Cancel',
  breakTitle: 'Break',
  breakType: 'Break type',
  breakStart: 'Take a break',
  breakEnd: 'Back to work',
  breakPausing: 'Starting the break…',
  breakUnpausing: 'Ending the break…',
  breakName: (id) => `Break ${id}`,
  campaignTitle: 'Outbound campaign',
  campaignSelect: 'Campaign',
  campaignNumber: 'Campaign number',
  campaignJoin: 'Enter campaign',
  campaignLeave: 'Leave campaign',
  campaignJoining: 'Entering the campaign…',
  campaignLeaving: 'Leaving the campaign…',
  campaignName: (id) => `Campaign ${id}`,
  dialTitle: 'Make a call',
  dialNumber: 'Number to call',
  dialButton: 'Call',
  keypad: 'Keypad',
  dtmfSent: 'Tones sent',
  dialRefused: {
    empty: () => 'Type a number to call.',
    tooShort: (number) => `"${number}" is too short to be a phone number.`,
    tooLong: (number) => `"${number}" is too long to be a phone number.`,
    invalidCharacters: (number) => `"${number}" has characters a phone number cannot have (use digits, +, * and #).`,
    notANumber: (number) => `"${number}" is not a phone number.`,
  },
  incomingTitle: 'Incoming call',
  direction: { inbound: 'Inbound', outbound: 'Outbound', dialer: 'Dialer' },
  callNumber: 'Number',
  unknownNumber: 'Unknown number',
  queue: 'Queue',
  queueName: (id) => `Queue ${id}`,
  campaign: 'Campaign',
  autoAnswering: 'Answering automatically',
  answer: 'Answer',
  answering: 'Answering…',
  decline: 'Decline',
  callControls: 'Call controls',
  callingNumber: (number) => `Calling ${number}…`,
  inCallWith: (number) => `In call with ${number}`,
  callTimer: 'Call duration',
  hangUp: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  showKeypad: 'Show keypad',
  hideKeypad: 'Hide keypad',
  wrapUpTitle: 'Wrap-up',
  available: 'Available again',
  disposition: 'Disposition',
  chooseDisposition: 'Choose a disposition',
  saveDisposition: 'Save disposition',
  dispositionSaved: (name) => `Saved: ${name}`,
  releaseContact: 'Release without categorising',
  autoReleaseIn: (time) => `The contact is released automatically in ${time}`,
  wrapUpBusy: 'Saving…',
  infoTitle: 'Call information',
  infoCallId: 'Last call id',
  infoContactId: 'Contact id',
  infoBaseId: 'Base id',
  infoCrmId: 'CRM id',
  infoSearchKey: 'Search key',
  settingsTitle: 'Settings',
  panelWidth: 'Panel width (px)',
  panelHeight: 'Panel height (px)',
  applyPanelSize: 'Apply size',
  autoMinimise: 'Minimise the panel automatically',
  microphone: 'Microphone',
  speaker: 'Speaker',
  ringer: 'Ringer',
  systemDefault: 'System default',
  outputNotSelectable: 'This browser cannot choose the speaker: audio plays on the system default.',
  allowMicrophone: 'Allow microphone',
  microphoneAsk: 'Allow the microphone so calls carry your voice and devices show their names.',
  microphoneDenied: 'The browser blocks the microphone: callers cannot hear you. Allow it in the site settings (padlock icon) and reload.',
  forgetDevicePassword: 'Forget the saved device password',
  noticesLabel: 'Notifications',
  notices: {
    loginFailed: 'Login failed.',
    phoneRegistrationFailed: 'The phone could not register.',
    phoneUnregistered: 'The phone is no longer registered.',
    transportLost: 'Connection to the phone server lost; reconnecting…',
    transportRecovered: 'Connection to the phone server restored.',
    neoApiDegraded: 'The contact center is not responding; your status may be out of date.',
    neoApiRecovered: 'The contact center is responding again.',
    forcedLogout: 'You were logged out by the contact center.',
    operationFailed: 'The contact center refused the request.',
    dialFailed: 'The call could not be placed.',
    sipActionFailed: 'The phone could not do that.',
    callRejectedBusy: 'An incoming call was declined because you were busy.',
    callEndedByPlatform: 'The contact center ended the call.',
    tabsNotShared: 'This browser keeps Dialtone from sharing one phone across your Salesforce tabs (third-party storage is blocked). Use the softphone in one tab only, or allow third-party cookies for the Dialtone site.',
  },
  dismiss: 'Dismiss',
};

const es: Messages = {
  appName: 'Dialtone',
  booting: 'Iniciando el softphone…',
  statusOffline: 'Desconectado',
  statusLabel: 'Estado del agente',
  standaloneTitle: 'Fuera de Salesforce',
  standaloneBody:
    'Dialtone funciona en la barra de utilidades de Salesforce. Ábralo desde su aplicación Lightning; las fichas y el registro de llamadas necesitan Salesforce.',
  standaloneReason: (detail) => `Motivo: ${detail}`,
  configErrorTitle: 'El centro de llamadas no está bien configurado',
  configErrorIntro: (count) =>
    count === 1 ? 'Hay que corregir un parámetro antes de iniciar el softphone:' : `Hay que corregir ${count} parámetros antes de iniciar el softphone:`,
  configErrorAdminHint: 'Pida a su administrador de Salesforce que los corrija en Configuración → Centros de llamadas.',
  configItem: 'Parámetro',
  configReceived: 'Valor',
  configExpected: 'Se esperaba',
  configNothing: '(vacío)',
  settingsUnavailableTitle: 'No se pudo leer la configuración del centro de llamadas',
  settingsUnavailableBody: (detail) => `Salesforce no devolvió la configuración: ${detail}`,
  retry: 'Reintentar',
  readyTitle: 'Softphone listo',
  connectedToSalesforce: 'Conectado a Salesforce',
  contactCenter: 'Centro de contacto',
  phoneServer: 'Servidor telefónico',
  loginTitle: 'Iniciar sesión en el centro de contacto',
  loginDevice: 'Dispositivo',
  loginDeviceAs: (login) => `Inicia sesión como ${login}`,
  loginDevicePassword: 'Contraseña del dispositivo (SIP)',
  loginDevicePasswordRemembered: 'Guardada en este navegador: déjela vacía para usar la guardada.',
  loginUser: 'Usuario',
  loginPassword: 'Contraseña',
  loginCampaign: 'Campaña saliente (opcional)',
  loginCampaignNumber: 'Número de campaña saliente (opcional)',
  loginNoCampaign: 'Sin campaña',
  loginRemember: 'Recordarme en este navegador',
  loginAutoLogin: 'Iniciar sesión automáticamente',
  loginSubmit: 'Iniciar sesión',
  loginRegistering: 'Registrando el teléfono…',
  loginAuthenticating: 'Iniciando sesión en el centro de contacto…',
  fieldRequired: (field) => `${field}: campo obligatorio.`,
  campaignNotANumber: (received) => `La campaña debe ser un número; se recibió «${received}».`,
  statusLoggedOut: 'Sin sesión',
  statusLoggingIn: 'Iniciando sesión',
  statusReady: 'Disponible',
  statusPausing: 'Iniciando descanso',
  statusOnBreak: (name) => `En descanso: ${name}`,
  statusInCampaign: (name) => `En campaña ${name}`,
  statusDialing: 'Llamando',
  statusRinging: 'Sonando',
  statusInCall: 'En llamada',
  statusOnHold: 'En espera',
  statusWrapUp: 'Tipificación',
  statusLoggingOut: 'Cerrando sesión',
  statusTimer: 'Tiempo en este estado',
  phoneStatus: { registered: 'Teléfono listo', registering: 'Registrando teléfono', reconnecting: 'Teléfono reconectando', down: 'Teléfono sin conexión' },
  neoApiDegraded: 'El centro de contacto no responde: el estado puede estar desactualizado',
  tabFollower: 'Controlado desde otra pestaña',
  logout: 'Cerrar sesión',
  confirmLogoutTitle: '¿Cerrar sesión ahora?',
  confirmLogoutBody: 'Hay una llamada o su tipificación abierta. ¿Cerrar sesión de todos modos?',
  confirmLogoutYes: 'Cerrar sesión igualmente',
  cancel: 'Cancelar',
  breakTitle: 'Descanso',
  breakType: 'Tipo de descanso',
  breakStart: 'Tomar un descanso',
  breakEnd: 'Volver al trabajo',
  breakPausing: 'Iniciando el descanso…',
  breakUnpausing: 'Terminando el descanso…',
  breakName: (id) => `Descanso ${id}`,
  campaignTitle: 'Campaña saliente',
  campaignSelect: 'Campaña',
  campaignNumber: 'Número de campaña',
  campaignJoin: 'Entrar en la campaña',
  campaignLeave: 'Salir de la campaña',
  campaignJoining: 'Entrando en la campaña…',
  campaignLeaving: 'Saliendo de la campaña…',
  campaignName: (id) => `Campaña ${id}`,
  dialTitle: 'Llamar',
  dialNumber: 'Número a marcar',
  dialButton: 'Llamar',
  keypad: 'Teclado',
  dtmfSent: 'Tonos enviados',
  dialRefused: {
    empty: () => 'Escriba un número para llamar.',
    tooShort: (number) => `«${number}» es demasiado corto para ser un teléfono.`,
    tooLong: (number) => `«${number}» es demasiado largo para ser un teléfono.`,
    invalidCharacters: (number) => `«${number}» tiene caracteres que un teléfono no puede tener (use dígitos, +, * y #).`,
    notANumber: (number) => `«${number}» no es un número de teléfono.`,
  },
  incomingTitle: 'Llamada entrante',
  direction: { inbound: 'Entrante', outbound: 'Saliente', dialer: 'Marcador' },
  callNumber: 'Número',
  unknownNumber: 'Número desconocido',
  queue: 'Cola',
  queueName: (id) => `Cola ${id}`,
  campaign: 'Campaña',
  autoAnswering: 'Respondiendo automáticamente',
  answer: 'Responder',
  answering: 'Respondiendo…',
  decline: 'Rechazar',
  callControls: 'Controles de la llamada',
  callingNumber: (number) => `Llamando a ${number}…`,
  inCallWith: (number) => `En llamada con ${number}`,
  callTimer: 'Duración de la llamada',
  hangUp: 'Colgar',
  hold: 'Poner en espera',
  resume: 'Recuperar',
  mute: 'Silenciar',
  unmute: 'Activar micrófono',
  showKeypad: 'Mostrar teclado',
  hideKeypad: 'Ocultar teclado',
  wrapUpTitle: 'Tipificación',
  available: 'Disponible de nuevo',
  disposition: 'Tipificación',
  chooseDisposition: 'Elija una tipificación',
  saveDisposition: 'Guardar tipificación',
  dispositionSaved: (name) => `Guardada: ${name}`,
  releaseContact: 'Liberar sin tipificar',
  autoReleaseIn: (time) => `El contacto se libera automáticamente en ${time}`,
  wrapUpBusy: 'Guardando…',
  infoTitle: 'Información de la llamada',
  infoCallId: 'Id. de la última llamada',
  infoContactId: 'Id. de contacto',
  infoBaseId: 'Id. de base',
  infoCrmId: 'Id. de CRM',
  infoSearchKey: 'Clave de búsqueda',
  settingsTitle: 'Configuración',
  panelWidth: 'Ancho del panel (px)',
  panelHeight: 'Alto del panel (px)',
  applyPanelSize: 'Aplicar tamaño',
  autoMinimise: 'Minimizar el panel automáticamente',
  microphone: 'Micrófono',
  speaker: 'Altavoz',
  ringer: 'Timbre',
  systemDefault: 'Predeterminado del sistema',
  outputNotSelectable: 'Este navegador no permite elegir el altavoz: el audio sale por el predeterminado.',
  allowMicrophone: 'Permitir micrófono',
  microphoneAsk: 'Permita el micrófono para que se oiga su voz y los dispositivos muestren su nombre.',
  microphoneDenied: 'El navegador bloquea el micrófono: no se le oirá en las llamadas. Permítalo en la configuración del sitio (icono del candado) y recargue.',
  forgetDevicePassword: 'Olvidar la contraseña del dispositivo guardada',
  noticesLabel: 'Avisos',
  notices: {
    loginFailed: 'No se pudo iniciar sesión.',
    phoneRegistrationFailed: 'El teléfono no se pudo registrar.',
    phoneUnregistered: 'El teléfono ya no está registrado.',
    transportLost: 'Se perdió la conexión con el servidor telefónico; reconectando…',
    transportRecovered: 'Conexión con el servidor telefónico restablecida.',
    neoApiDegraded: 'El centro de contacto no responde; su estado puede estar desactualizado.',
    neoApiRecovered: 'El centro de contacto vuelve a responder.',
    forcedLogout: 'El centro de contacto cerró su sesión.',
    operationFailed: 'El centro de contacto rechazó la petición.',
    dialFailed: 'No se pudo realizar la llamada.',
    sipActionFailed: 'El teléfono no pudo hacerlo.',
    callRejectedBusy: 'Se rechazó una llamada entrante porque estaba ocupado.',
    callEndedByPlatform: 'El centro de contacto terminó la llamada.',
    tabsNotShared: 'Este navegador impide que Dialtone comparta un solo teléfono entre sus pestañas de Salesforce (bloquea el almacenamiento de terceros). Use el softphone en una sola pestaña, o permita las cookies de terceros para el sitio de Dialtone.',
  },
  dismiss: 'Descartar',
};

const pt: Messages = {
  appName: 'Dialtone',
  booting: 'Iniciando o softphone…',
  statusOffline: 'Desconectado',
  statusLabel: 'Status do agente',
  standaloneTitle: 'Fora do Salesforce',
  standaloneBody:
    'O Dialtone funciona na barra de utilitários do Salesforce. Abra-o pelo seu aplicativo Lightning; as telas de contato e o registro de chamadas precisam do Salesforce.',
  standaloneReason: (detail) => `Motivo: ${detail}`,
  configErrorTitle: 'O call center não está configurado corretamente',
  configErrorIntro: (count) =>
    count === 1 ? 'Um parâmetro precisa ser corrigido antes de iniciar o softphone:' : `${count} parâmetros precisam ser corrigidos antes de iniciar o softphone:`,
  configErrorAdminHint: 'Peça ao administrador do Salesforce para corrigi-los em Configuração → Call Centers.',
  configItem: 'Parâmetro',
  configReceived: 'Valor',
  configExpected: 'Esperado',
  configNothing: '(vazio)',
  settingsUnavailableTitle: 'Não foi possível ler a configuração do call center',
  settingsUnavailableBody: (detail) => `O Salesforce não retornou a configuração: ${detail}`,
  retry: 'Tentar novamente',
  readyTitle: 'Softphone pronto',
  connectedToSalesforce: 'Conectado ao Salesforce',
  contactCenter: 'Central de contato',
  phoneServer: 'Servidor de telefonia',
  loginTitle: 'Entrar na central de contato',
  loginDevice: 'Dispositivo',
  loginDeviceAs: (login) => `Entra como ${login}`,
  loginDevicePassword: 'Senha do dispositivo (SIP)',
  loginDevicePasswordRemembered: 'Salva neste navegador: deixe vazia para usar a salva.',
  loginUser: 'Usuário',
  loginPassword: 'Senha',
  loginCampaign: 'Campanha de saída (opcional)',
  loginCampaignNumber: 'Número da campanha de saída (opcional)',
  loginNoCampaign: 'Sem campanha',
  loginRemember: 'Lembrar de mim neste navegador',
  loginAutoLogin: 'Entrar automaticamente',
  loginSubmit: 'Entrar',
  loginRegistering: 'Registrando o telefone…',
  loginAuthenticating: 'Entrando na central de contato…',
  fieldRequired: (field) => `${field}: campo obrigatório.`,
  campaignNotANumber: (received) => `A campanha deve ser um número; recebido "${received}".`,
  statusLoggedOut: 'Desconectado',
  statusLoggingIn: 'Entrando',
  statusReady: 'Disponível',
  statusPausing: 'Iniciando pausa',
  statusOnBreak: (name) => `Em pausa: ${name}`,
  statusInCampaign: (name) => `Na campanha ${name}`,
  statusDialing: 'Chamando',
  statusRinging: 'Tocando',
  statusInCall: 'Em chamada',
  statusOnHold: 'Em espera',
  statusWrapUp: 'Tabulação',
  statusLoggingOut: 'Saindo',
  statusTimer: 'Tempo neste status',
  phoneStatus: { registered: 'Telefone pronto', registering: 'Telefone registrando', reconnecting: 'Telefone reconectando', down: 'Telefone desconectado' },
  neoApiDegraded: 'A central de contato não responde: o status pode estar desatualizado',
  tabFollower: 'Controlado por outra aba',
  logout: 'Sair',
  confirmLogoutTitle: 'Sair agora?',
  confirmLogoutBody: 'Uma chamada ou a tabulação dela ainda está aberta. Sair mesmo assim?',
  confirmLogoutYes: 'Sair mesmo assim',
  cancel: 'Cancelar',
  breakTitle: 'Pausa',
  breakType: 'Tipo de pausa',
  breakStart: 'Fazer uma pausa',
  breakEnd: 'Voltar ao trabalho',
  breakPausing: 'Iniciando a pausa…',
  breakUnpausing: 'Encerrando a pausa…',
  breakName: (id) => `Pausa ${id}`,
  campaignTitle: 'Campanha de saída',
  campaignSelect: 'Campanha',
  campaignNumber: 'Número da campanha',
  campaignJoin: 'Entrar na campanha',
  campaignLeave: 'Sair da campanha',
  campaignJoining: 'Entrando na campanha…',
  campaignLeaving: 'Saindo da campanha…',
  campaignName: (id) => `Campanha ${id}`,
  dialTitle: 'Fazer uma chamada',
  dialNumber: 'Número para chamar',
  dialButton: 'Chamar',
  keypad: 'Teclado',
  dtmfSent: 'Tons enviados',
  dialRefused: {
    empty: () => 'Digite um número para chamar.',
    tooShort: (number) => `"${number}" é curto demais para ser um telefone.`,
    tooLong: (number) => `"${number}" é longo demais para ser um telefone.`,
    invalidCharacters: (number) => `"${number}" tem caracteres que um telefone não pode ter (use dígitos, +, * e #).`,
    notANumber: (number) => `"${number}" não é um número de telefone.`,
  },
  incomingTitle: 'Chamada recebida',
  direction: { inbound: 'Recebida', outbound: 'Efetuada', dialer: 'Discador' },
  callNumber: 'Número',
  unknownNumber: 'Número desconhecido',
  queue: 'Fila',
  queueName: (id) => `Fila ${id}`,
  campaign: 'Campanha',
  autoAnswering: 'Atendendo automaticamente',
  answer: 'Atender',
  answering: 'Atendendo…',
  decline: 'Recusar',
  callControls: 'Controles da chamada',
  callingNumber: (number) => `Chamando ${number}…`,
  inCallWith: (number) => `Em chamada com ${number}`,
  callTimer: 'Duração da chamada',
  hangUp: 'Desligar',
  hold: 'Colocar em espera',
  resume: 'Retomar',
  mute: 'Silenciar',
  unmute: 'Ativar microfone',
  showKeypad: 'Mostrar teclado',
  hideKeypad: 'Ocultar teclado',
  wrapUpTitle: 'Tabulação',
  available: 'Disponível novamente',
  disposition: 'Tabulação',
  chooseDisposition: 'Escolha uma tabulação',
  saveDisposition: 'Salvar tabulação',
  dispositionSaved: (name) => `Salva: ${name}`,
  releaseContact: 'Liberar sem tabular',
  autoReleaseIn: (time) => `O contato é liberado automaticamente em ${time}`,
  wrapUpBusy: 'Salvando…',
  infoTitle: 'Informações da chamada',
  infoCallId: 'Id da última chamada',
  infoContactId: 'Id do contato',
  infoBaseId: 'Id da base',
  infoCrmId: 'Id do CRM',
  infoSearchKey: 'Chave de busca',
  settingsTitle: 'Configurações',
  panelWidth: 'Largura do painel (px)',
  panelHeight: 'Altura do painel (px)',
  applyPanelSize: 'Aplicar tamanho',
  autoMinimise: 'Minimizar o painel automaticamente',
  microphone: 'Microfone',
  speaker: 'Alto-falante',
  ringer: 'Campainha',
  systemDefault: 'Padrão do sistema',
  outputNotSelectable: 'Este navegador não permite escolher o alto-falante: o áudio sai no padrão do sistema.',
  allowMicrophone: 'Permitir microfone',
  microphoneAsk: 'Permita o microfone para que ouçam sua voz e os dispositivos mostrem seus nomes.',
  microphoneDenied: 'O navegador bloqueia o microfone: ninguém ouvirá você nas chamadas. Permita-o nas configurações do site (ícone do cadeado) e recarregue.',
  forgetDevicePassword: 'Esquecer a senha do dispositivo salva',
  noticesLabel: 'Avisos',
  notices: {
    loginFailed: 'Não foi possível entrar.',
    phoneRegistrationFailed: 'O telefone não conseguiu se registrar.',
    phoneUnregistered: 'O telefone não está mais registrado.',
    transportLost: 'Conexão com o servidor de telefonia perdida; reconectando…',
    transportRecovered: 'Conexão com o servidor de telefonia restabelecida.',
    neoApiDegraded: 'A central de contato não responde; seu status pode estar desatualizado.',
    neoApiRecovered: 'A central de contato voltou a responder.',
    forcedLogout: 'A central de contato encerrou sua sessão.',
    operationFailed: 'A central de contato recusou o pedido.',
    dialFailed: 'Não foi possível fazer a chamada.',
    sipActionFailed: 'O telefone não conseguiu fazer isso.',
    callRejectedBusy: 'Uma chamada recebida foi recusada porque você estava ocupado.',
    callEndedByPlatform: 'A central de contato encerrou a chamada.',
    tabsNotShared: 'Este navegador impede que o Dialtone compartilhe um só telefone entre suas abas do Salesforce (o armazenamento de terceiros está bloqueado). Use o softphone em uma só aba, ou permita os cookies de terceiros para o site do Dialtone.',
  },
  dismiss: 'Dispensar',
};

const catalogues: Readonly<Record<Language, Messages>> = { en, es, pt };

/** The catalogue for a language. */
export function messagesFor(language: Language): Messages {
  return catalogues[language];
}

/**
 * Picks the UI language: an explicit setting wins; `auto` (or nothing) takes the first browser
 * language we have a catalogue for (`pt-BR` → `pt`), falling back to Spanish, the language of the
 * Neotel deployments this product comes from.
 */
export function resolveLanguage(setting: string | undefined, browserLanguages: readonly string[]): Language {
  const wanted = setting?.trim().toLowerCase();
  if (wanted && isLanguage(wanted)) return wanted;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'es';
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
