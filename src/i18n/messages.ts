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
