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
