/**
 * Why the phone could not register, in the agent's words, with what THEY can do about it.
 * The SIP adapter's message (English, with the registrar's status and the device's address) is
 * for an administrator: the notice keeps it behind its "Technical details" disclosure and leads
 * with one of these instead. The agent typed the device and its password at login, so the fix
 * is theirs to make first; the call-center settings are the administrator's.
 */

/** A known cause of a phone-side notice (see `src/app/notice-policy.ts`, which recognises them). */
export const NOTICE_CAUSES = ['sipPassword', 'sipDevice', 'sipUnreachable', 'sipRefused', 'platformLostInCall'] as const;
/** One of {@link NOTICE_CAUSES}. */
export type NoticeCause = (typeof NOTICE_CAUSES)[number];

/** The texts of one language: what happened and what to do, one sentence pair each. */
export type NoticeCauseMessages = Readonly<Record<NoticeCause, string>>;

export const NOTICE_CAUSES_EN: NoticeCauseMessages = {
  sipPassword: 'The phone server refused the device password. Check the device number and the device password you typed, then log in again.',
  sipDevice: 'The phone server does not know this device. Check the device number you typed, then log in again.',
  sipUnreachable: 'The phone server did not answer. Check your network and log in again; if it keeps happening, tell your supervisor.',
  sipRefused: 'The phone server refused to register this device. Log in again in a moment; if it keeps happening, tell your supervisor.',
  platformLostInCall: 'Connection to the contact center lost: the call may still be up. Keep talking if you hear the customer and hang up here when done; if the call dropped, wait: Dialtone reconnects by itself.',
};

export const NOTICE_CAUSES_ES: NoticeCauseMessages = {
  sipPassword: 'El servidor telefónico rechazó la contraseña del dispositivo. Revise el número de dispositivo y la contraseña que escribió e inicie sesión de nuevo.',
  sipDevice: 'El servidor telefónico no conoce este dispositivo. Revise el número de dispositivo que escribió e inicie sesión de nuevo.',
  sipUnreachable: 'El servidor telefónico no respondió. Revise su red e inicie sesión de nuevo; si sigue pasando, avise a su supervisor.',
  sipRefused: 'El servidor telefónico no aceptó registrar este dispositivo. Inicie sesión de nuevo en un momento; si sigue pasando, avise a su supervisor.',
  platformLostInCall: 'Se perdió la conexión con el centro de contacto: la llamada puede seguir activa. Siga hablando si oye al cliente y cuelgue aquí al terminar; si la llamada se cortó, espere: Dialtone se reconecta solo.',
};

export const NOTICE_CAUSES_PT: NoticeCauseMessages = {
  sipPassword: 'O servidor telefônico recusou a senha do dispositivo. Verifique o número do dispositivo e a senha que você digitou e entre de novo.',
  sipDevice: 'O servidor telefônico não conhece este dispositivo. Verifique o número do dispositivo que você digitou e entre de novo.',
  sipUnreachable: 'O servidor telefônico não respondeu. Verifique sua rede e entre de novo; se continuar, avise seu supervisor.',
  sipRefused: 'O servidor telefônico não aceitou registrar este dispositivo. Entre de novo em instantes; se continuar, avise seu supervisor.',
  platformLostInCall: 'A conexão com a central de contato caiu: a chamada pode continuar ativa. Continue falando se ouve o cliente e desligue aqui ao terminar; se a chamada caiu, aguarde: o Dialtone reconecta sozinho.',
};
