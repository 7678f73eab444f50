/**
 * A failed platform command in the agent's words: what failed (per operation) and what to do
 * next (per failure code, src/call/platform.ts). "Refused" (the contact center said no) and
 * "unreachable" (it did not answer) read differently, because the agent acts differently.
 * What failed lives with the operation's other texts in operations.ts (one file, three languages).
 * The platform's own text never leads: the notice shows it behind a "Technical details" disclosure.
 */
import type { FailureCode, Operation } from '../call/index.ts';
import { failedIn } from './operations.ts';

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
  op: failedIn('en'),
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

export const FAILURES_PT: FailureMessages = {
  op: failedIn('pt'),
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
