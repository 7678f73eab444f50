/**
 * A failed platform command in the agent's words: what failed (per operation) and what to do
 * next (per failure code, src/call/platform.ts). "Refused" (the contact center said no) and
 * "unreachable" (it did not answer) read differently, because the agent acts differently.
 * The platform's own text never leads: the notice shows it behind a "Technical details" disclosure.
 */
import type { FailureCode, Operation } from '../call/index.ts';

/** The texts of one language. */
export interface FailureMessages {
  /** "<what failed>" */
  readonly op: Readonly<Record<Operation, string>>;
  /** "<why, and what to do next>" */
  readonly cause: Readonly<Record<FailureCode, string>>;
  /** The disclosure's label. */
  readonly details: string;
}

export const FAILURES_EN: FailureMessages = {
  op: {
    login: 'Logging in failed.', logout: 'Logging out failed.', pause: 'The break could not start.', unpause: 'The break could not end.',
    enterCampaign: 'Entering the campaign failed.', leaveCampaign: 'Leaving the campaign failed.', dial: 'The call could not be placed.',
    hangUp: 'The call could not be ended.', showingContact: 'The contact center was not told the record is on screen.',
    categorise: 'The disposition was not saved.', schedule: 'The callback was not scheduled.', scheduleCall: 'The callback was not scheduled.',
    release: 'You could not be made available.', transfer: 'The transfer failed.', completeTransfer: 'The transfer could not be completed.',
    endTransfer: 'The consultation could not be ended.', joinConference: 'The conference could not start.', inviteParticipant: 'The participant could not be invited.',
    kickParticipant: 'The participant could not be removed.', kickAll: 'The conference could not be ended.',
  },
  cause: {
    UNREACHABLE: 'The contact center did not answer, so nothing changed. Try again in a moment; if it keeps happening, check your network or tell your supervisor.',
    REFUSED: 'The contact center refused it. Check the number or your current state and try again.',
    NOT_LOGGED_IN: 'The contact center no longer has your session. Log in again.',
    BAD_CREDENTIALS: 'The user or password is wrong. Check them and log in again.',
    DEVICE_UNAVAILABLE: 'Your phone device is not registered or someone else is using it. Check the device number, or ask your supervisor.',
    ALREADY_LOGGED_IN: 'This user is logged in on another position. Log out there first, or ask your supervisor.',
    NO_LICENCES: 'The contact center has no free agent licence. Try again later, or ask your supervisor.',
    MISCONFIGURED: 'The contact center did not understand the request: its settings do not match Dialtone’s. Send the technical details to your administrator.',
    UNSUPPORTED: 'This contact center cannot do that.',
  },
  details: 'Technical details',
};

export const FAILURES_ES: FailureMessages = {
  op: {
    login: 'No se pudo iniciar sesión.', logout: 'No se pudo cerrar sesión.', pause: 'No se pudo iniciar el descanso.', unpause: 'No se pudo terminar el descanso.',
    enterCampaign: 'No se pudo entrar en la campaña.', leaveCampaign: 'No se pudo salir de la campaña.', dial: 'No se pudo realizar la llamada.',
    hangUp: 'No se pudo cortar la llamada.', showingContact: 'No se pudo avisar al centro de contacto de que el registro está en pantalla.',
    categorise: 'No se guardó la tipificación.', schedule: 'No se agendó la rellamada.', scheduleCall: 'No se agendó la rellamada.',
    release: 'No se le pudo poner disponible.', transfer: 'La transferencia falló.', completeTransfer: 'No se pudo completar la transferencia.',
    endTransfer: 'No se pudo terminar la consulta.', joinConference: 'No se pudo iniciar la conferencia.', inviteParticipant: 'No se pudo invitar al participante.',
    kickParticipant: 'No se pudo quitar al participante.', kickAll: 'No se pudo terminar la conferencia.',
  },
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

export const FAILURES_PT: FailureMessages = {
  op: {
    login: 'Não foi possível entrar.', logout: 'Não foi possível sair.', pause: 'Não foi possível iniciar a pausa.', unpause: 'Não foi possível terminar a pausa.',
    enterCampaign: 'Não foi possível entrar na campanha.', leaveCampaign: 'Não foi possível sair da campanha.', dial: 'Não foi possível fazer a chamada.',
    hangUp: 'Não foi possível encerrar a chamada.', showingContact: 'A central de contato não foi avisada de que o registro está na tela.',
    categorise: 'A tabulação não foi salva.', schedule: 'O retorno não foi agendado.', scheduleCall: 'O retorno não foi agendado.',
    release: 'Não foi possível deixá-lo disponível.', transfer: 'A transferência falhou.', completeTransfer: 'Não foi possível concluir a transferência.',
    endTransfer: 'Não foi possível encerrar a consulta.', joinConference: 'Não foi possível iniciar a conferência.', inviteParticipant: 'Não foi possível convidar o participante.',
    kickParticipant: 'Não foi possível remover o participante.', kickAll: 'Não foi possível encerrar a conferência.',
  },
  cause: {
    UNREACHABLE: 'A central de contato não respondeu, então nada mudou. Tente de novo em instantes; se continuar, verifique sua rede ou avise seu supervisor.',
    REFUSED: 'A central de contato recusou. Verifique o número ou seu estado atual e tente de novo.',
    NOT_LOGGED_IN: 'A central de contato não tem mais sua sessão. Entre de novo.',
    BAD_CREDENTIALS: 'O usuário ou a senha estão errados. Verifique-os e entre de novo.',
    DEVICE_UNAVAILABLE: 'Seu dispositivo telefônico não está registrado ou outra pessoa o está usando. Verifique o número do dispositivo ou fale com seu supervisor.',
    ALREADY_LOGGED_IN: 'Este usuário está conectado em outra posição. Saia de lá primeiro ou fale com seu supervisor.',
    NO_LICENCES: 'A central de contato não tem licenças de agente livres. Tente mais tarde ou fale com seu supervisor.',
    MISCONFIGURED: 'A central de contato não entendeu o pedido: a configuração dela não corresponde à do Dialtone. Envie os detalhes técnicos ao seu administrador.',
    UNSUPPORTED: 'Esta central de contato não pode fazer isso.',
  },
  details: 'Detalhes técnicos',
};
