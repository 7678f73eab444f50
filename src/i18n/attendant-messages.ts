/**
 * The attendant features' text (docs/call-history.md, docs/phone-links.md): call history, "Show in
 * CRM" and phone links. One nested catalogue per language, reached as `Messages.attendant`, so
 * these features add one key to each language file instead of dozens.
 */

/** Every string of the call history, "Show in CRM" and the phone-link page and setting. */
export interface AttendantMessages {
  /** BCP 47 tag for dates and times (`Intl`). */
  readonly locale: string;
  readonly historyTitle: string;
  readonly historyEmpty: string;
  /** How many calls are kept and what erases them. */
  readonly historyKept: (limit: number) => string;
  readonly directions: Readonly<Record<'inbound' | 'outbound' | 'dialer', string>>;
  readonly withheld: string;
  readonly unknownCaller: string;
  readonly notAnswered: string;
  /** Talk time, e.g. `Talked 1:05`. */
  readonly talked: (clock: string) => string;
  readonly notCategorised: string;
  readonly redial: string;
  /** The redial button's accessible name: what will be called. */
  readonly redialLabel: (who: string) => string;
  readonly showInCrm: string;
  /** "Show in CRM"'s accessible name: which record opens. */
  /** Starts with {@link showInCrm}: a voice user says the visible text (WCAG 2.5.3, axe label-content-name-mismatch). */
  readonly showInCrmLabel: (what: string) => string;
  /** The source icon's text: the call's record was found in Salesforce. */
  readonly foundInCrm: string;

  /** The panel size's allowed range (Open CTI's limits), under the size fields. */
  readonly panelSizeRange: string;
  /** A typed size outside that range: nothing was applied. */
  readonly panelSizeRefused: string;
  readonly linksTitle: string;
  readonly linksHelp: string;
  readonly linksRegister: string;
  readonly linksRegistered: string;
  readonly linksUnsupported: string;
  readonly linksFailed: (detail: string) => string;

}

const en: AttendantMessages = {
  locale: 'en',
  historyTitle: 'Recent calls',
  historyEmpty: 'No calls yet: the calls you take or make appear here.',
  historyKept: (limit) => `Your last ${limit} calls are kept in this browser; "Forget me" erases them.`,
  directions: { inbound: 'Incoming', outbound: 'Outgoing', dialer: 'Campaign' },
  withheld: 'Private number',
  unknownCaller: 'Unknown caller',
  notAnswered: 'Not answered',
  talked: (clock) => `Talked ${clock}`,
  notCategorised: 'No result',
  redial: 'Call',
  redialLabel: (who) => `Call ${who}`,
  showInCrm: 'Show in CRM',
  showInCrmLabel: (what) => `Show in CRM: ${what}`,
  foundInCrm: 'Found in Salesforce',
  panelSizeRange: 'Width 200–1920 px, height 240–2560 px. Leave blank for the call center\'s size; your size comes back at every load.',
  panelSizeRefused: 'Not applied: the width must be 200–1920 px and the height 240–2560 px (or blank).',
  linksTitle: 'Phone links',
  linksHelp: 'Let this browser open tel:, sip: and callto: links from any page with Dialtone. Links inside Salesforce already dial with click-to-dial.',
  linksRegister: 'Open phone links with Dialtone',
  linksRegistered: 'Asked the browser. If it shows a prompt, choose Allow: phone links will then dial from the tab that has your phone.',
  linksUnsupported: 'This browser cannot hand phone links to Dialtone. Use click-to-dial in Salesforce, or type the number.',
  linksFailed: (detail) => `The browser refused to register Dialtone for phone links: ${detail}`,
};

const es: AttendantMessages = {
  locale: 'es',
  historyTitle: 'Llamadas recientes',
  historyEmpty: 'Aún no hay llamadas: aquí aparecen las que atiendes o haces.',
  historyKept: (limit) => `Tus últimas ${limit} llamadas se guardan en este navegador; «Olvidarme» las borra.`,
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
  panelSizeRange: 'Ancho 200–1920 px, alto 240–2560 px. Déjalo vacío para el tamaño del centro de llamadas; tu tamaño se recupera en cada carga.',
  panelSizeRefused: 'No aplicado: el ancho debe ser de 200–1920 px y el alto de 240–2560 px (o vacío).',
  linksTitle: 'Enlaces de teléfono',
  linksHelp: 'Permite que este navegador abra con Dialtone los enlaces tel:, sip: y callto: de cualquier página. Los enlaces dentro de Salesforce ya marcan con clic para marcar.',
  linksRegister: 'Abrir los enlaces de teléfono con Dialtone',
  linksRegistered: 'Pedido al navegador. Si muestra un aviso, elige Permitir: los enlaces de teléfono marcarán desde la pestaña que tiene tu teléfono.',
  linksUnsupported: 'Este navegador no puede pasar enlaces de teléfono a Dialtone. Usa clic para marcar en Salesforce o escribe el número.',
  linksFailed: (detail) => `El navegador no registró Dialtone para los enlaces de teléfono: ${detail}`,
};

const pt: AttendantMessages = {
  locale: 'pt',
  historyTitle: 'Chamadas recentes',
  historyEmpty: 'Ainda não há chamadas: aqui aparecem as que você atende ou faz.',
  historyKept: (limit) => `Suas últimas ${limit} chamadas ficam guardadas neste navegador; "Esquecer-me" as apaga.`,
  directions: { inbound: 'Recebida', outbound: 'Efetuada', dialer: 'Campanha' },
  withheld: 'Número privado',
  unknownCaller: 'Chamador desconhecido',
  notAnswered: 'Não atendida',
  talked: (clock) => `Falou ${clock}`,
  notCategorised: 'Sem resultado',
  redial: 'Ligar',
  redialLabel: (who) => `Ligar para ${who}`,
  showInCrm: 'Ver no CRM',
  showInCrmLabel: (what) => `Ver no CRM: ${what}`,
  foundInCrm: 'Encontrado no Salesforce',
  panelSizeRange: 'Largura 200–1920 px, altura 240–2560 px. Deixe em branco para o tamanho da central; o seu tamanho volta a cada carregamento.',
  panelSizeRefused: 'Não aplicado: a largura deve ser de 200–1920 px e a altura de 240–2560 px (ou em branco).',
  linksTitle: 'Links de telefone',
  linksHelp: 'Deixe este navegador abrir com o Dialtone os links tel:, sip: e callto: de qualquer página. Os links dentro do Salesforce já discam com o clique para discar.',
  linksRegister: 'Abrir links de telefone com o Dialtone',
  linksRegistered: 'Pedido ao navegador. Se ele mostrar um aviso, escolha Permitir: os links de telefone vão discar pela aba que tem o seu telefone.',
  linksUnsupported: 'Este navegador não consegue passar links de telefone ao Dialtone. Use o clique para discar no Salesforce ou digite o número.',
  linksFailed: (detail) => `O navegador recusou registrar o Dialtone para links de telefone: ${detail}`,
};

/** The attendant catalogues, by language (the language files take theirs from here). */
export const ATTENDANT_MESSAGES = { en, es, pt } as const;
