import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LinkPageMessages } from '../../i18n/link-page-messages.ts';
import { sldsTokens } from '../slds.styles.ts';

/** Where a clicked link is (src/app/phone-links.ts `LinkPageStatus`, repeated: components never import app). */
export type PhoneLinkPageStatus = 'sending' | 'dialling' | 'notLoggedIn' | 'busy' | 'badNumber' | 'noSoftphone';

/**
 * The page a clicked tel:/sip:/callto: link opens (docs/phone-links.md): says which number goes to
 * the softphone, then whether it is being dialled or what the agent must do. A live region, so a
 * screen reader hears the outcome; the link is untrusted text.
 */
@customElement('dialtone-phone-link-page')
export class PhoneLinkPage extends LitElement {
  static override styles = [
    sldsTokens,
    css`
      main {
        max-width: 32rem;
        margin: 2rem auto;
        padding: 0 1rem;
      }
      h1 {
        font-size: 1.125rem;
        margin: 0 0 0.75rem;
      }
      p {
        overflow-wrap: anywhere;
      }
      .problem {
        color: var(--dt-error);
      }
    `,
  ];

  @property({ attribute: false }) messages: LinkPageMessages | undefined;
  @property({ attribute: false }) link = '';
  @property({ attribute: false }) number: string | null = null;
  @property({ attribute: false }) status: PhoneLinkPageStatus = 'sending';

  override render() {
    const a = this.messages;
    if (!a) return nothing;
    const number = this.number ?? '';
    const text: Record<PhoneLinkPageStatus, string> = {
      sending: a.linkSending(number),
      dialling: a.linkDialling(number),
      notLoggedIn: a.linkNotLoggedIn,
      busy: a.linkBusy,
      badNumber: a.linkBadNumber(this.link.slice(0, 80)),
      noSoftphone: a.linkNoSoftphone,
    };
    const problem = this.status !== 'sending' && this.status !== 'dialling';
    return html`<main>
      <h1>${a.linkPageTitle}</h1>
      <p data-testid="link-status" data-status=${this.status} class=${problem ? 'problem' : ''} role=${problem ? 'alert' : 'status'}>${text[this.status]}</p>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-phone-link-page': PhoneLinkPage;
  }
}
