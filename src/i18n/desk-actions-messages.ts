/**
 * The text of agent actions and text messages (docs/agent-actions.md, docs/text-messages.md),
 * read by their lazy panels through `deskActionsMessages(locale)`, so the strings load with them.
 */

/** Why a message was refused before sending (src/crm/text-message.ts `MessageProblem`, or the number). */
export type MessageRefusal = 'empty' | 'controlCharacters' | 'number';

export interface DeskActionsMessages {
  readonly actionsTitle: string;
  readonly actionRunning: (label: string) => string;
  readonly actionDone: (label: string, answer: string) => string;
  /** The call lacks values the action needs (their names, as configured). */
  readonly actionMissing: (label: string, values: string) => string;
  readonly actionRefused: (label: string, detail: string) => string;
  readonly dismiss: string;
  readonly messageTitle: string;
  readonly channelLabel: string;
  readonly channels: Readonly<Record<'sms' | 'whatsapp', string>>;
  readonly toLabel: string;
  readonly textLabel: string;
  /** The live counter under the text. */
  readonly smsCount: (length: number, limit: number, parts: number) => string;
  /** After the count when the SMS is Unicode. */
  readonly unicodeMark: string;
  readonly whatsappCount: (length: number, limit: number) => string;
  /** A character that makes the SMS Unicode (fewer characters per part). */
  readonly unicodeBecause: (character: string) => string;
  readonly send: string;
  readonly sending: string;
  readonly sent: (channel: string, to: string) => string;
  readonly refusedBefore: Readonly<Record<MessageRefusal, string>>;
  readonly tooLong: (limit: number) => string;
  readonly notSent: (detail: string) => string;
  /** The directory (docs/directory.md). */
  readonly directoryTitle: string;
  readonly directoryLabel: string;
  readonly directoryHint: string;
  readonly directorySearching: string;
  readonly directoryNone: (query: string) => string;
  readonly directoryCount: (count: number) => string;
  readonly directorySalesforceFailed: (detail: string) => string;
  readonly directorySources: Readonly<Record<'colleague' | 'queue' | 'salesforce' | 'favourite', string>>;
  readonly directoryNoNumber: string;
  readonly directoryCall: (name: string) => string;
  readonly directoryTransfer: (name: string) => string;
  readonly directoryFavouriteAdd: (name: string) => string;
  readonly directoryFavouriteRemove: (name: string) => string;
}

const en: DeskActionsMessages = {
  actionsTitle: 'Actions',
  actionRunning: (label) => `Running “${label}”…`,
  actionDone: (label, answer) => (answer === '' ? `“${label}” done.` : `“${label}” done: ${answer}`),
  actionMissing: (label, values) => `“${label}” was not run: this call has no ${values}. Use it on a call that has them, or ask your administrator.`,
  actionRefused: (label, detail) => `“${label}” failed: ${detail}. Try again, or tell your administrator if it keeps failing.`,
  dismiss: 'Dismiss',
  messageTitle: 'Send a message to the customer',
  channelLabel: 'Send by',
  channels: { sms: 'SMS', whatsapp: 'WhatsApp' },
  toLabel: 'To number',
  textLabel: 'Message',
  smsCount: (length, limit, parts) => `${length}/${limit} characters · ${parts} SMS`,
  unicodeMark: ' (Unicode)',
  whatsappCount: (length, limit) => `${length}/${limit} characters`,
  unicodeBecause: (character) => `“${character}” is not in the SMS alphabet, so each part holds fewer characters.`,
  send: 'Send message',
  sending: 'Sending…',
  sent: (channel, to) => `${channel} sent to ${to} and saved in the activity history.`,
  refusedBefore: {
    empty: 'Write a message first.',
    controlCharacters: 'The message has invisible control characters: retype it or paste it as plain text.',
    number: 'The number must have 6 to 15 digits, with an optional + in front.',
  },
  tooLong: (limit) => `The message is too long: at most ${limit} characters. Shorten it.`,
  notSent: (detail) => `The message was not sent: ${detail}. Check the number and try again.`,
  directoryTitle: 'Directory',
  directoryLabel: 'Search colleagues, queues, Salesforce and favourites',
  directoryHint: 'Salesforce is searched from 3 letters. Up and down arrows choose; Enter calls, or transfers during a call.',
  directorySearching: 'Searching…',
  directoryNone: (query) => `Nothing found for “${query}”. Check the spelling or type a number.`,
  directoryCount: (count) => (count === 1 ? '1 result' : `${count} results`),
  directorySalesforceFailed: (detail) => `Salesforce could not be searched (${detail}); colleagues and favourites are still listed.`,
  directorySources: { colleague: 'Colleague', queue: 'Queue', salesforce: 'Salesforce', favourite: 'Favourite' },
  directoryNoNumber: 'no number',
  directoryCall: (name) => `Call ${name}`,
  directoryTransfer: (name) => `Transfer to ${name}`,
  directoryFavouriteAdd: (name) => `Add ${name} to favourites`,
  directoryFavouriteRemove: (name) => `Remove ${name} from favourites`,
};

const es: DeskActionsMessages = {
  actionsTitle: 'Acciones',
  actionRunning: (label) => `Ejecutando «${label}»…`,
  actionDone: (label, answer) => (answer === '' ? `«${label}» hecho.` : `«${label}» hecho: ${answer}`),
  actionMissing: (label, values) => `«${label}» no se ejecutó: esta llamada no tiene ${values}. Úsela en una llamada que los tenga o consulte a su administrador.`,
  actionRefused: (label, detail) => `«${label}» falló: ${detail}. Inténtelo de nuevo o avise a su administrador si sigue fallando.`,
  dismiss: 'Cerrar',
  messageTitle: 'Enviar un mensaje al cliente',
  channelLabel: 'Enviar por',
  channels: { sms: 'SMS', whatsapp: 'WhatsApp' },
  toLabel: 'Al número',
  textLabel: 'Mensaje',
  smsCount: (length, limit, parts) => `${length}/${limit} caracteres · ${parts} SMS`,
  unicodeMark: ' (Unicode)',
  whatsappCount: (length, limit) => `${length}/${limit} caracteres`,
  unicodeBecause: (character) => `«${character}» no está en el alfabeto SMS, así que cada parte admite menos caracteres.`,
  send: 'Enviar mensaje',
  sending: 'Enviando…',
  sent: (channel, to) => `${channel} enviado a ${to} y guardado en el historial de actividades.`,
  refusedBefore: {
    empty: 'Escriba un mensaje primero.',
    controlCharacters: 'El mensaje tiene caracteres de control invisibles: vuelva a escribirlo o péguelo como texto sin formato.',
    number: 'El número debe tener de 6 a 15 dígitos, con un + opcional delante.',
  },
  tooLong: (limit) => `El mensaje es demasiado largo: como máximo ${limit} caracteres. Acórtelo.`,
  notSent: (detail) => `El mensaje no se envió: ${detail}. Revise el número e inténtelo de nuevo.`,
  directoryTitle: 'Directorio',
  directoryLabel: 'Buscar compañeros, colas, Salesforce y favoritos',
  directoryHint: 'Salesforce se busca desde 3 letras. Las flechas arriba y abajo eligen; Intro llama, o transfiere durante una llamada.',
  directorySearching: 'Buscando…',
  directoryNone: (query) => `No se encontró nada para «${query}». Revise la ortografía o escriba un número.`,
  directoryCount: (count) => (count === 1 ? '1 resultado' : `${count} resultados`),
  directorySalesforceFailed: (detail) => `No se pudo buscar en Salesforce (${detail}); los compañeros y favoritos siguen en la lista.`,
  directorySources: { colleague: 'Compañero', queue: 'Cola', salesforce: 'Salesforce', favourite: 'Favorito' },
  directoryNoNumber: 'sin número',
  directoryCall: (name) => `Llamar a ${name}`,
  directoryTransfer: (name) => `Transferir a ${name}`,
  directoryFavouriteAdd: (name) => `Añadir ${name} a favoritos`,
  directoryFavouriteRemove: (name) => `Quitar ${name} de favoritos`,
};

const pt: DeskActionsMessages = {
  actionsTitle: 'Ações',
  actionRunning: (label) => `Executando “${label}”…`,
  actionDone: (label, answer) => (answer === '' ? `“${label}” concluído.` : `“${label}” concluído: ${answer}`),
  actionMissing: (label, values) => `“${label}” não foi executado: esta chamada não tem ${values}. Use-o numa chamada que os tenha ou fale com o administrador.`,
  actionRefused: (label, detail) => `“${label}” falhou: ${detail}. Tente de novo ou avise o administrador se continuar falhando.`,
  dismiss: 'Fechar',
  messageTitle: 'Enviar uma mensagem ao cliente',
  channelLabel: 'Enviar por',
  channels: { sms: 'SMS', whatsapp: 'WhatsApp' },
  toLabel: 'Para o número',
  textLabel: 'Mensagem',
  smsCount: (length, limit, parts) => `${length}/${limit} caracteres · ${parts} SMS`,
  unicodeMark: ' (Unicode)',
  whatsappCount: (length, limit) => `${length}/${limit} caracteres`,
  unicodeBecause: (character) => `“${character}” não está no alfabeto SMS, então cada parte comporta menos caracteres.`,
  send: 'Enviar mensagem',
  sending: 'Enviando…',
  sent: (channel, to) => `${channel} enviado para ${to} e salvo no histórico de atividades.`,
  refusedBefore: {
    empty: 'Escreva uma mensagem primeiro.',
    controlCharacters: 'A mensagem tem caracteres de controle invisíveis: digite-a de novo ou cole como texto simples.',
    number: 'O número deve ter de 6 a 15 dígitos, com um + opcional na frente.',
  },
  tooLong: (limit) => `A mensagem é longa demais: no máximo ${limit} caracteres. Encurte-a.`,
  notSent: (detail) => `A mensagem não foi enviada: ${detail}. Verifique o número e tente de novo.`,
  directoryTitle: 'Diretório',
  directoryLabel: 'Buscar colegas, filas, Salesforce e favoritos',
  directoryHint: 'O Salesforce é buscado a partir de 3 letras. As setas para cima e para baixo escolhem; Enter liga, ou transfere durante uma chamada.',
  directorySearching: 'Buscando…',
  directoryNone: (query) => `Nada encontrado para “${query}”. Verifique a grafia ou digite um número.`,
  directoryCount: (count) => (count === 1 ? '1 resultado' : `${count} resultados`),
  directorySalesforceFailed: (detail) => `Não foi possível buscar no Salesforce (${detail}); colegas e favoritos continuam na lista.`,
  directorySources: { colleague: 'Colega', queue: 'Fila', salesforce: 'Salesforce', favourite: 'Favorito' },
  directoryNoNumber: 'sem número',
  directoryCall: (name) => `Ligar para ${name}`,
  directoryTransfer: (name) => `Transferir para ${name}`,
  directoryFavouriteAdd: (name) => `Adicionar ${name} aos favoritos`,
  directoryFavouriteRemove: (name) => `Remover ${name} dos favoritos`,
};

/** The catalogues, by language. */
export const DESK_ACTIONS_MESSAGES = { en, es, pt } as const;

/**
 * The catalogue for the shell's language (`Messages.attendant.locale`). Read by the lazy panels
 * themselves, not through `Messages`, so these strings load with those panels, not at start-up.
 */
export function deskActionsMessages(locale: string): DeskActionsMessages {
  const lang = locale.slice(0, 2);
  return lang === 'es' ? es : lang === 'pt' ? pt : en;
}
