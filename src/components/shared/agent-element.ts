import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { intentEvent, type AgentView, type SoftphoneIntent } from '../../controllers/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';

/**
 * What every agent-UI component shares: the view it draws and the catalogue it speaks, both set
 * by the shell, and one way to ask for something (an intent event that bubbles to the shell).
 * Components never call a service, so they can be tested with nothing but a view and a listener.
 */
export abstract class AgentElement extends LitElement {
  /** The agent view to draw; the component renders nothing until it is set. */
  @property({ attribute: false }) view: AgentView | undefined;
  /** The catalogue of the shell's language. */
  @property({ attribute: false }) messages: Messages | undefined;

  /** Asks the app for `intent` (the shell hands it to `SoftphoneService.send`). */
  protected send(intent: SoftphoneIntent): void {
    this.dispatchEvent(intentEvent(intent));
  }
}
