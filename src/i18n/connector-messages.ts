/**
 * Text of seed 004's connector features (docs/recording-link.md, docs/screen-pop.md,
 * docs/wrap-up.md): the recording player, what the agent is told after reopening a softphone the
 * pop minimised, and the callback's time zones. One nested catalogue per language, reached as
 * `Messages.connector`, so these features add one key to each language file.
 */

/** Every string of the recording player, the reopen notice and the callback time zones. */
export interface ConnectorMessages {
  readonly recordingTitle: string;
  /** The `<audio>` element's accessible name. */
  readonly recordingPlayer: string;
  readonly recordingOpen: string;
  /** The file did not load: why it may be, and what to do next. */
  readonly recordingFailed: string;
  readonly recordingRetry: string;
  /** After the pop minimised the softphone and the agent reopened it. */
  readonly reopenedSynced: string;
  readonly reopenedNotSynced: string;
  readonly reopenedSearch: string;
  /** The callback form: the time is typed in the customer's zone, e.g. `Customer's time (America/Mexico_City)`. */
  readonly customerTime: (zone: string) => string;
  /** Beside it: the same instant for the agent, e.g. `Your time: 05/12 18:30`. */
  readonly agentTime: (time: string) => string;
  /** Where the customer's zone came from. */
  readonly zoneFromRecord: string;
  readonly zoneFromNumber: string;
}

const es: ConnectorMessages = {
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

const pt: ConnectorMessages = {
  recordingTitle: 'Gravação da chamada',
  recordingPlayer: 'Reproduzir a gravação da chamada',
  recordingOpen: 'Abrir a gravação em uma nova aba',
  recordingFailed:
    'Não foi possível carregar a gravação: talvez ainda não esteja pronta ou o servidor de gravações a recusou. Tente de novo em um minuto, ou abra-a pelo link da tarefa.',
  recordingRetry: 'Tentar de novo',
  reopenedSynced: 'O novo registro que você salvou foi vinculado a esta chamada.',
  reopenedNotSynced:
    'Ainda não há um novo registro salvo para esta chamada: salve-o no Salesforce e clique em «Sincronizar registro novo», ou libere o contato para continuar trabalhando.',
  reopenedSearch: 'Vários registros coincidem: escolha o desta chamada com «Usar este registro».',
  customerTime: (zone) => `Hora do cliente (${zone})`,
  agentTime: (time) => `Sua hora: ${time}`,
  zoneFromRecord: 'fuso horário do registro',
  zoneFromNumber: 'fuso horário pelo número',
};

const en: ConnectorMessages = {
  recordingTitle: 'Call recording',
  recordingPlayer: 'Play the call recording',
  recordingOpen: 'Open the recording in a new tab',
  recordingFailed:
    'The recording could not be loaded: it may not be ready yet, or the recording server refused it. Try again in a minute, or open it from the Task\u2019s link.',
  recordingRetry: 'Try again',
  reopenedSynced: 'The new record you saved is now linked to this call.',
  reopenedNotSynced:
    'No new record was saved for this call yet: save it in Salesforce and press \u201cSync new record\u201d, or release the contact to go on working.',
  reopenedSearch: 'Several records match: pick this call\u2019s with \u201cUse this record\u201d.',
  customerTime: (zone) => `Customer\u2019s time (${zone})`,
  agentTime: (time) => `Your time: ${time}`,
  zoneFromRecord: 'time zone from the record',
  zoneFromNumber: 'time zone from the number',
};

/** The catalogues by language. */
export const CONNECTOR_MESSAGES = { es, pt, en } as const;
