/**
 * What the agent reads about each platform operation of the machine (src/call/state.ts
 * `OPERATIONS`), in the three languages side by side: what failed (the first half of a failure
 * notice, failures.ts) and, for an operation with its own button, the button's label and hint.
 * One operation = one entry here, so adding a platform operation adds its texts in this one file
 * (docs/architecture.md, "Adding a platform operation"); the catalogues pick their language.
 */
import type { Operation } from '../call/index.ts';

type Language = 'es' | 'pt' | 'en';

/** One operation's texts in one language. */
interface OperationText {
  /** "<what failed>", before the failure's cause. */
  readonly failed: string;
  /** Its button, for an operation the agent starts with a button of its own. */
  readonly label?: string;
  /** The button's hint (its `title` and accessible description): what it does, how to undo it. */
  readonly hint?: string;
}

/** Every operation, its texts per language (a missing operation or language does not compile). */
export const OPERATION_TEXTS = {
  login: {
    es: { failed: 'No se pudo iniciar sesión.' },
    pt: { failed: 'Não foi possível entrar.' },
    en: { failed: 'Logging in failed.' },
  },
  logout: {
    es: { failed: 'No se pudo cerrar sesión.' },
    pt: { failed: 'Não foi possível sair.' },
    en: { failed: 'Logging out failed.' },
  },
  pause: {
    es: { failed: 'No se pudo iniciar el descanso.' },
    pt: { failed: 'Não foi possível iniciar a pausa.' },
    en: { failed: 'The break could not start.' },
  },
  unpause: {
    es: { failed: 'No se pudo terminar el descanso.' },
    pt: { failed: 'Não foi possível terminar a pausa.' },
    en: { failed: 'The break could not end.' },
  },
  enterCampaign: {
    es: { failed: 'No se pudo entrar en la campaña.' },
    pt: { failed: 'Não foi possível entrar na campanha.' },
    en: { failed: 'Entering the campaign failed.' },
  },
  leaveCampaign: {
    es: { failed: 'No se pudo salir de la campaña.' },
    pt: { failed: 'Não foi possível sair da campanha.' },
    en: { failed: 'Leaving the campaign failed.' },
  },
  dial: {
    es: { failed: 'No se pudo realizar la llamada.' },
    pt: { failed: 'Não foi possível fazer a chamada.' },
    en: { failed: 'The call could not be placed.' },
  },
  hangUp: {
    es: { failed: 'No se pudo cortar la llamada.' },
    pt: { failed: 'Não foi possível encerrar a chamada.' },
    en: { failed: 'The call could not be ended.' },
  },
  showingContact: {
    es: { failed: 'No se pudo avisar al centro de contacto de que el registro está en pantalla.' },
    pt: { failed: 'A central de contato não foi avisada de que o registro está na tela.' },
    en: { failed: 'The contact center was not told the record is on screen.' },
  },
  categorise: {
    es: { failed: 'No se guardó la tipificación.' },
    pt: { failed: 'A tabulação não foi salva.' },
    en: { failed: 'The disposition was not saved.' },
  },
  schedule: {
    es: { failed: 'No se agendó la rellamada.' },
    pt: { failed: 'O retorno não foi agendado.' },
    en: { failed: 'The callback was not scheduled.' },
  },
  scheduleCall: {
    es: { failed: 'No se agendó la rellamada.' },
    pt: { failed: 'O retorno não foi agendado.' },
    en: { failed: 'The callback was not scheduled.' },
  },
  release: {
    es: { failed: 'No se le pudo poner disponible.' },
    pt: { failed: 'Não foi possível deixá-lo disponível.' },
    en: { failed: 'You could not be made available.' },
  },
  holdContacts: {
    es: { failed: 'No se pudieron pausar los contactos nuevos.', label: 'Pausar contactos', hint: 'El marcador no le entrega contactos nuevos hasta que pulse «Recibir contactos».' },
    pt: { failed: 'Não foi possível pausar os contatos novos.', label: 'Pausar contatos', hint: 'O discador não lhe entrega contatos novos até você clicar em “Receber contatos”.' },
    en: { failed: 'New contacts could not be held.', label: 'Hold new contacts', hint: 'The dialer delivers no new contacts until you press “Take contacts”.' },
  },
  resumeContacts: {
    es: { failed: 'No se pudieron reanudar los contactos.', label: 'Recibir contactos', hint: 'El marcador vuelve a entregarle contactos.' },
    pt: { failed: 'Não foi possível retomar os contatos.', label: 'Receber contatos', hint: 'O discador volta a lhe entregar contatos.' },
    en: { failed: 'New contacts could not be resumed.', label: 'Take contacts', hint: 'The dialer delivers contacts to you again.' },
  },
  transfer: {
    es: { failed: 'La transferencia falló.' },
    pt: { failed: 'A transferência falhou.' },
    en: { failed: 'The transfer failed.' },
  },
  completeTransfer: {
    es: { failed: 'No se pudo completar la transferencia.' },
    pt: { failed: 'Não foi possível concluir a transferência.' },
    en: { failed: 'The transfer could not be completed.' },
  },
  endTransfer: {
    es: { failed: 'No se pudo terminar la consulta.' },
    pt: { failed: 'Não foi possível encerrar a consulta.' },
    en: { failed: 'The consultation could not be ended.' },
  },
  joinConference: {
    es: { failed: 'No se pudo iniciar la conferencia.' },
    pt: { failed: 'Não foi possível iniciar a conferência.' },
    en: { failed: 'The conference could not start.' },
  },
  inviteParticipant: {
    es: { failed: 'No se pudo invitar al participante.' },
    pt: { failed: 'Não foi possível convidar o participante.' },
    en: { failed: 'The participant could not be invited.' },
  },
  kickParticipant: {
    es: { failed: 'No se pudo quitar al participante.' },
    pt: { failed: 'Não foi possível remover o participante.' },
    en: { failed: 'The participant could not be removed.' },
  },
  kickAll: {
    es: { failed: 'No se pudo terminar la conferencia.' },
    pt: { failed: 'Não foi possível encerrar a conferência.' },
    en: { failed: 'The conference could not be ended.' },
  },
} as const satisfies Readonly<Record<Operation, Readonly<Record<Language, OperationText>>>>;

/** The operations' texts in `language`. */
export type OperationMessages = { readonly [O in Operation]: (typeof OPERATION_TEXTS)[O][Language] };

/** Every operation's texts in `language` (the catalogues' `operations`). */
export function operationsIn(language: Language): OperationMessages {
  const entries = Object.entries(OPERATION_TEXTS).map(([op, texts]) => [op, texts[language]]);
  return Object.fromEntries(entries) as OperationMessages;
}

/** "What failed" for every operation in `language` (failures.ts). */
export function failedIn(language: Language): Readonly<Record<Operation, string>> {
  const entries = Object.entries(OPERATION_TEXTS).map(([op, texts]) => [op, texts[language].failed]);
  return Object.fromEntries(entries) as Record<Operation, string>;
}
