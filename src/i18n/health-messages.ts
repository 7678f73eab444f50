/**
 * The pre-shift health gate (docs/health-gate.md) and the "platform lost during a call" state, in
 * the agent's words: each check's name, and for each failure what it means and what to do. es, pt
 * and en side by side so a reason is never added in one language only.
 */
import type { Language } from './languages.ts';

/** The gate's checks, in the order the panel lists them. */
export const HEALTH_CHECKS = ['microphone', 'speaker', 'phone', 'platform', 'salesforce', 'storage'] as const;
/** One of {@link HEALTH_CHECKS}. */
export type HealthCheckName = (typeof HEALTH_CHECKS)[number];
/**
 * A check's outcome: `failed` blocks taking calls, `warning` is shown but does not block, `later`
 * = checked once the agent logs in, `skipped` = this deployment does not use it.
 */
export type HealthStatus = 'ok' | 'failed' | 'warning' | 'checking' | 'later' | 'skipped';
/** Why a check is not `ok`: each has its sentence saying what to do (`reason` below). */
export type HealthReason =
  | 'micDenied' | 'micPrompt' | 'micNoDevice' | 'micSilent' | 'micFailed'
  | 'speakerNoDevice' | 'toneFailed'
  | 'phoneLater' | 'phoneDown' | 'phoneReconnecting'
  | 'platformUnreachable' | 'platformViaPhone'
  | 'salesforceStandalone' | 'salesforceFailed'
  | 'storageUnavailable';

/** The texts of one language. */
export interface HealthMessages {
  /** The section's heading. */
  readonly title: string;
  /** One line when nothing fails. */
  readonly allClear: string;
  /** One line when a blocking check fails (the failing check follows). */
  readonly blocked: string;
  readonly checkAgain: string;
  readonly allowMicrophone: string;
  readonly playTone: string;
  readonly tonePlaying: string;
  readonly tonePlayed: string;
  readonly level: string;
  /** The hint of a button the gate disables: why, and where to look. */
  readonly blockedHint: (reason: string) => string;
  readonly check: Readonly<Record<HealthCheckName, string>>;
  readonly status: Readonly<Record<HealthStatus, string>>;
  readonly reason: Readonly<Record<HealthReason, string>>;
  /** The status pill while a call's platform is unreachable (no running timer: nobody knows). */
  readonly statusPlatformLost: string;
}

const EN: HealthMessages = {
  title: 'Before you take calls',
  allClear: 'All checks passed: you can take calls.',
  blocked: 'You cannot take calls until this is fixed:',
  checkAgain: 'Check again',
  allowMicrophone: 'Allow the microphone',
  playTone: 'Play a test tone',
  tonePlaying: 'Playing the test tone…',
  tonePlayed: 'The test tone played. If you did not hear it, check your headset or speaker volume.',
  level: 'Microphone level',
  blockedHint: (reason) => `Not possible now: ${reason}`,
  check: { microphone: 'Microphone', speaker: 'Speaker and ringer', phone: 'Phone registration', platform: 'Contact center', salesforce: 'Salesforce', storage: 'Storage in this browser' },
  status: { ok: 'OK', failed: 'Failed', warning: 'Check', checking: 'Checking…', later: 'At login', skipped: 'Not used' },
  reason: {
    micDenied: 'The browser blocks the microphone. Click the padlock left of the address bar, set Microphone to Allow, then come back here.',
    micPrompt: 'The browser will ask for the microphone when you log in: choose Allow.',
    micNoDevice: 'No microphone found. Plug in your headset, then press “Check again”.',
    micSilent: 'Your microphone sends no sound. Check it is not muted (headset switch or system settings).',
    micFailed: 'The microphone could not be opened. Close other programs that use it, then press “Check again”.',
    speakerNoDevice: 'No speaker or headset found. Plug one in, then press “Check again”.',
    toneFailed: 'The test tone could not play. Allow sound for this site, then try again.',
    phoneLater: 'Checked when you log in.',
    phoneDown: 'The phone is not registered: calls cannot reach you. Log out and log in again; if it keeps happening, tell your supervisor.',
    phoneReconnecting: 'The phone is reconnecting: calls cannot reach you until it is back. Wait a moment.',
    platformUnreachable: 'The contact center does not answer. Check your network; Dialtone keeps trying by itself.',
    platformViaPhone: 'This contact center is checked through the phone registration.',
    salesforceStandalone: 'Not opened inside Salesforce: no screen pops or call logs here.',
    salesforceFailed: 'Salesforce did not answer. Reload the Salesforce page; call logs wait in this browser meanwhile.',
    storageUnavailable: 'This browser does not let Dialtone keep data: call logs are lost if this page closes. Allow site data for the Dialtone site.',
  },
  statusPlatformLost: 'Connection lost',
};

const ES: HealthMessages = {
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

const PT: HealthMessages = {
  title: 'Antes de receber chamadas',
  allClear: 'Tudo verificado: você pode receber chamadas.',
  blocked: 'Você não pode receber chamadas até resolver isto:',
  checkAgain: 'Verificar de novo',
  allowMicrophone: 'Permitir o microfone',
  playTone: 'Tocar um tom de teste',
  tonePlaying: 'Tocando o tom de teste…',
  tonePlayed: 'O tom de teste tocou. Se não ouviu, verifique o volume do fone ou do alto-falante.',
  level: 'Nível do microfone',
  blockedHint: (reason) => `Não é possível agora: ${reason}`,
  check: { microphone: 'Microfone', speaker: 'Alto-falante e toque', phone: 'Registro do telefone', platform: 'Central de contato', salesforce: 'Salesforce', storage: 'Armazenamento do navegador' },
  status: { ok: 'OK', failed: 'Falha', warning: 'Verificar', checking: 'Verificando…', later: 'Ao entrar', skipped: 'Não usado' },
  reason: {
    micDenied: 'O navegador bloqueia o microfone. Clique no cadeado à esquerda do endereço, coloque Microfone em Permitir e volte aqui.',
    micPrompt: 'O navegador pedirá o microfone quando você entrar: escolha Permitir.',
    micNoDevice: 'Nenhum microfone encontrado. Conecte o fone e clique em «Verificar de novo».',
    micSilent: 'Seu microfone não envia som. Verifique se não está mudo (botão do fone ou configurações do sistema).',
    micFailed: 'Não foi possível abrir o microfone. Feche outros programas que o usam e clique em «Verificar de novo».',
    speakerNoDevice: 'Nenhum alto-falante ou fone encontrado. Conecte um e clique em «Verificar de novo».',
    toneFailed: 'O tom de teste não pôde tocar. Permita som para este site e tente de novo.',
    phoneLater: 'Verificado quando você entra.',
    phoneDown: 'O telefone não está registrado: as chamadas não chegam até você. Saia e entre de novo; se continuar, avise seu supervisor.',
    phoneReconnecting: 'O telefone está reconectando: as chamadas não chegam até você até ele voltar. Aguarde um momento.',
    platformUnreachable: 'A central de contato não responde. Verifique sua rede; o Dialtone continua tentando sozinho.',
    platformViaPhone: 'Esta central de contato é verificada pelo registro do telefone.',
    salesforceStandalone: 'Não está aberto dentro do Salesforce: aqui não há telas de registro nem registros de chamadas.',
    salesforceFailed: 'O Salesforce não respondeu. Recarregue a página do Salesforce; os registros de chamadas esperam neste navegador.',
    storageUnavailable: 'Este navegador não deixa o Dialtone guardar dados: os registros de chamadas se perdem se a página fechar. Permita os dados do site do Dialtone.',
  },
  statusPlatformLost: 'Conexão perdida',
};

/** Every language's health texts. */
export const HEALTH_MESSAGES: Readonly<Record<Language, HealthMessages>> = { en: EN, es: ES, pt: PT };
