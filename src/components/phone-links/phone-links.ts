import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * The settings' "Phone links" block (docs/phone-links.md): one button that asks the browser to
 * open tel:, sip: and callto: links with Dialtone (the browser shows its own prompt), and what came
 * of it. Hidden behind a plain explanation where the browser cannot do it.
 */
@customElement('dialtone-phone-links')
export class PhoneLinks extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['attendant'];
  static override styles = [
    sldsTokens,
    controlStyles,
    css`
      section {
        margin-top: var(--dt-space-3);
      }
      p {
        margin: var(--dt-space-1) 0;
      }
    `,
  ];

  override render() {
    const m = this.messages;
    const links = this.view?.attendant?.phoneLinks;
    if (!m || !links) return nothing;
    const a = m.attendant;
    return html`
      <section data-testid="phone-links" data-status=${links.status} aria-labelledby="links-title">
        <h3 id="links-title">${a.linksTitle}</h3>
        <p class="help" id="links-help">${a.linksHelp}</p>
        ${links.status === 'unsupported'
          ? html`<p class="help" data-testid="phone-links-status">${a.linksUnsupported}</p>`
          : html`<button data-testid="register-phone-links" aria-describedby="links-help" @click=${() => this.send({ kind: 'registerPhoneLinks' })}>${a.linksRegister}</button>`}
        ${links.status === 'registered' ? html`<p class="help" role="status" data-testid="phone-links-status">${a.linksRegistered}</p>` : nothing}
        ${links.status === 'failed' ? html`<p class="error" role="alert" data-testid="phone-links-status">${a.linksFailed(links.detail ?? '')}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-phone-links': PhoneLinks;
  }
}
