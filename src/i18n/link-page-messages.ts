/**
 * The text of the page a clicked tel:/sip:/callto: link opens (docs/phone-links.md). Apart from the
 * softphone's catalogues: only that page (its own lazily loaded chunk) needs it, so the start-up
 * bundle does not carry it.
 */
import type { Language } from './languages.ts';

/** Every string of the phone-link page. */
export interface LinkPageMessages {
  readonly linkPageTitle: string;
  readonly linkSending: (number: string) => string;
  readonly linkDialling: (number: string) => string;
  readonly linkNoSoftphone: string;
  readonly linkNotLoggedIn: string;
  readonly linkBusy: string;
  readonly linkBadNumber: (link: string) => string;
}

const CATALOGUES: Readonly<Record<Language, LinkPageMessages>> = {
  en: {
    linkPageTitle: 'Dialtone: phone link',
    linkSending: (number) => `Sending ${number} to your softphone…`,
    linkDialling: (number) => `Dialling ${number} from your softphone in Salesforce. You can close this tab.`,
    linkNoSoftphone: 'No Dialtone softphone answered in this browser. Open Salesforce, log in to the phone, then click the link again.',
    linkNotLoggedIn: 'Your softphone is not logged in. Log in to the phone in Salesforce, then click the link again.',
    linkBusy: 'You are on a call or finishing one. Be available again, then click the link again.',
    linkBadNumber: (link) => `This link has no phone number to dial: ${link}. Expected tel:, sip: or callto: followed by a number.`,
  },
  es: {
    linkPageTitle: 'Dialtone: enlace de teléfono',
    linkSending: (number) => `Enviando ${number} a su softphone…`,
    linkDialling: (number) => `Marcando ${number} desde su softphone en Salesforce. Puede cerrar esta pestaña.`,
    linkNoSoftphone: 'Ningún softphone Dialtone respondió en este navegador. Abra Salesforce, inicie sesión en el teléfono y vuelva a hacer clic en el enlace.',
    linkNotLoggedIn: 'Su softphone no tiene la sesión iniciada. Inicie sesión en el teléfono en Salesforce y vuelva a hacer clic en el enlace.',
    linkBusy: 'Está en una llamada o terminándola. Vuelva a estar disponible y haga clic de nuevo en el enlace.',
    linkBadNumber: (link) => `Este enlace no tiene un número que marcar: ${link}. Se esperaba tel:, sip: o callto: seguido de un número.`,
  },
  pt: {
    linkPageTitle: 'Dialtone: link de telefone',
    linkSending: (number) => `Enviando ${number} ao seu softphone…`,
    linkDialling: (number) => `Discando ${number} pelo seu softphone no Salesforce. Você pode fechar esta aba.`,
    linkNoSoftphone: 'Nenhum softphone Dialtone respondeu neste navegador. Abra o Salesforce, entre no telefone e clique no link de novo.',
    linkNotLoggedIn: 'Seu softphone não está com a sessão iniciada. Entre no telefone no Salesforce e clique no link de novo.',
    linkBusy: 'Você está em uma chamada ou terminando uma. Fique disponível de novo e clique no link outra vez.',
    linkBadNumber: (link) => `Este link não tem um número para discar: ${link}. Esperado tel:, sip: ou callto: seguido de um número.`,
  },
};

/** The link page's catalogue for `language`. */
export function linkPageMessagesFor(language: Language): LinkPageMessages {
  return CATALOGUES[language];
}
