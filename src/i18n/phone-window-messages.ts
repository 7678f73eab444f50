/**
 * The phone window's text (docs/phone-window.md): the panel's bar and setting, and the window's
 * one line on why it exists. One nested catalogue per language, reached as `Messages.phoneWindow`.
 */

/** Every string of the phone window. */
export interface PhoneWindowMessages {
  /** The window's title bar. */
  readonly windowTitle: string;
  /** The window's one line: why it exists and what closing it does. */
  readonly windowWhy: string;
  /** Panel, the window runs the phone. */
  readonly connected: string;
  readonly show: string;
  /** Panel, the window is not open: what it is for. */
  readonly offer: string;
  readonly open: string;
  /** The open button while a call runs in this panel. */
  readonly busy: string;
  readonly blocked: string;
  /** The agent's setting (CONFIGURACIÓN). */
  readonly useLabel: string;
  readonly useHelp: string;
}

const en: PhoneWindowMessages = {
  windowTitle: 'Dialtone phone',
  windowWhy: 'This window holds your calls, so reloading or closing Salesforce tabs never cuts one. Keep it open; if you close it, the Salesforce panel takes the phone back.',
  connected: 'Your phone runs in the phone window: reloading Salesforce will not cut a call.',
  show: 'Show phone window',
  offer: 'Open the phone window so that reloading Salesforce never cuts a call.',
  open: 'Open phone window',
  busy: 'Finish this call first: the phone window takes over the phone between calls.',
  blocked: 'The browser blocked the phone window. Allow pop-ups for this site, then click Open phone window again.',
  useLabel: 'Use a phone window',
  useHelp: 'A small window that keeps your calls going while Salesforce reloads.',
};

const es: PhoneWindowMessages = {
  windowTitle: 'Teléfono Dialtone',
  windowWhy: 'Esta ventana sostiene sus llamadas: recargar o cerrar pestañas de Salesforce nunca corta una. Manténgala abierta; si la cierra, el panel de Salesforce recupera el teléfono.',
  connected: 'Su teléfono funciona en la ventana de teléfono: recargar Salesforce no cortará una llamada.',
  show: 'Mostrar ventana de teléfono',
  offer: 'Abra la ventana de teléfono para que recargar Salesforce nunca corte una llamada.',
  open: 'Abrir ventana de teléfono',
  busy: 'Termine esta llamada primero: la ventana de teléfono toma el teléfono entre llamadas.',
  blocked: 'El navegador bloqueó la ventana de teléfono. Permita ventanas emergentes para este sitio y vuelva a pulsar Abrir ventana de teléfono.',
  useLabel: 'Usar una ventana de teléfono',
  useHelp: 'Una ventana pequeña que mantiene sus llamadas mientras Salesforce se recarga.',
};

const pt: PhoneWindowMessages = {
  windowTitle: 'Telefone Dialtone',
  windowWhy: 'Esta janela mantém as suas chamadas: recarregar ou fechar abas do Salesforce nunca derruba uma. Mantenha-a aberta; se a fechar, o painel do Salesforce retoma o telefone.',
  connected: 'O seu telefone funciona na janela de telefone: recarregar o Salesforce não derruba uma chamada.',
  show: 'Mostrar janela de telefone',
  offer: 'Abra a janela de telefone para que recarregar o Salesforce nunca derrube uma chamada.',
  open: 'Abrir janela de telefone',
  busy: 'Termine esta chamada primeiro: a janela de telefone assume o telefone entre chamadas.',
  blocked: 'O navegador bloqueou a janela de telefone. Permita pop-ups para este site e clique de novo em Abrir janela de telefone.',
  useLabel: 'Usar uma janela de telefone',
  useHelp: 'Uma janela pequena que mantém as suas chamadas enquanto o Salesforce recarrega.',
};

/** The phone-window catalogues, by language (the language files take theirs from here). */
export const PHONE_WINDOW_MESSAGES = { en, es, pt } as const;
