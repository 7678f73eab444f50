import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { intentEvent, type AgentView, type SoftphoneIntent } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';

/**
 * What every agent-UI component shares: the view it draws and the catalogue it speaks, both set
 * by the shell, and one way to ask for something (an intent event that bubbles to the shell).
 * Components never call a service, so they can be tested with nothing but a view and a listener.
 */
export abstract class AgentElement extends LitElement {
  /**
   * The slices of the view this element reads, with those of the elements it draws and hands the
   * view to: a new view that changed none of them (by reference: the view store keeps an
   * unchanged slice's reference) is not drawn again, so a notice does not redraw the keypad.
   * `undefined` = every new view. Checked by e2e/components/view-slices.test.ts, which mounts each
   * element on a view that records what it reads.
   */
  static viewSlices: readonly (keyof AgentView)[] | undefined = undefined;

  /** The agent view to draw; the component renders nothing until it is set. */
  @property({ attribute: false }) view: AgentView | undefined;
  /** The catalogue of the shell's language. */
  @property({ attribute: false }) messages: Messages | undefined;

  /** Draws again only for a change it reads: its own state, the catalogue, or one of its `viewSlices`. */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const slices = (this.constructor as typeof AgentElement).viewSlices;
    if (slices === undefined || changed.size !== 1 || !changed.has('view')) return super.shouldUpdate(changed);
    // The view of the last update that ran or was skipped: a skipped one changed none of `slices`,
    // so comparing with it is comparing with the view last drawn.
    const before = changed.get('view') as AgentView | undefined;
    const after = this.view;
    if (before === undefined || after === undefined) return super.shouldUpdate(changed);
    return slices.some((slice) => before[slice] !== after[slice]);
  }

  /**
   * Marks the element `data-empty` while it draws nothing, so the shell can take it out of the
   * panel's flex column: an empty part still took a 12 px gap, and four of them made the empty
   * band under the header in a call (issue 15). Lit's comment markers are not elements.
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.toggleAttribute('data-empty', this.renderRoot.childElementCount === 0);
  }

  /** Asks the app for `intent` (the shell hands it to `SoftphoneService.send`). */
  protected send(intent: SoftphoneIntent): void {
    this.dispatchEvent(intentEvent(intent));
  }
}
