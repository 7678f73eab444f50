import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TransferTarget } from '../../call/call-control-types.ts';
import type { DirectoryEntry, DirectorySource } from '../../view/directory-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { deskActionsMessages } from '../../i18n/desk-actions-messages.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { crmSourceIcon } from '../shared/crm-icon.ts';
import { sldsIcon, sldsIconStyles, type SldsIconData } from '../shared/slds-icon.ts';
import { icon as favoriteIcon } from '../shared/slds-icons/favorite.ts';
import { icon as queueIcon } from '../shared/slds-icons/queue.ts';
import { icon as userIcon } from '../shared/slds-icons/user.ts';
import { directoryStyles } from './directory.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** Time after the last keystroke before searching: one search per pause, not per letter. */
export const DIRECTORY_DEBOUNCE_MS = 250;

/** SLDS utility icons for the sources other than Salesforce (which has the CRM cloud). */
const SOURCE_ICONS: Readonly<Record<Exclude<DirectorySource, 'salesforce'>, SldsIconData>> = { colleague: userIcon, queue: queueIcon, favourite: favoriteIcon };

/** The source's mark, named for screen readers: the seed's CRM cloud for Salesforce, SLDS icons for the others. */
function sourceIcon(source: DirectorySource, label: string) {
  if (source === 'salesforce') return crmSourceIcon(label);
  const icon = SOURCE_ICONS[source];
  return svg`<svg class="source-icon ${source}" data-testid="directory-source-icon" data-source=${source} data-icon=${icon.name} role="img" aria-label=${label} viewBox=${icon.viewBox} width="16" height="16" focusable="false"><title>${label}</title>${icon.paths.map((d) => svg`<path d=${d}></path>`)}</svg>`;
}

/** Where a transfer to `entry` goes, or `null` when it cannot take one. */
export function transferTargetOf(entry: DirectoryEntry): TransferTarget | null {
  if (entry.kind === 'user') return { kind: 'user', user: entry.id };
  if (entry.kind === 'queue') return Number.isInteger(Number(entry.id)) ? { kind: 'queue', queue: Number(entry.id) } : null;
  return entry.number === null ? null : { kind: 'number', number: entry.number };
}

/**
 * The directory (docs/directory.md): a combobox over one merged list of colleagues, queues,
 * Salesforce records and favourites, each marked with its source. Typing is debounced; arrow keys
 * move through the options (`aria-activedescendant`), Enter calls the chosen one — or transfers
 * the call to it during a call —, Escape clears. The buttons under the list act on the chosen one.
 */
@customElement('dialtone-directory')
export class DirectoryPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['directory', 'agent'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, directoryStyles];

  @state() private query = '';
  @state() private active = 0;
  /** The number of the last search sent (the view's `answered` says which one it shows). */
  @state() private sent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether this element took over the desk's query and search number (see willUpdate). */
  private resumed = false;

  /**
   * The panel is not shown while a call rings, so it is created again afterwards; the desk kept
   * the last query and the number of the search it answered. Without taking them over, the new
   * element (numbering from 0) would call that answer stale: busy, with no status, until a new
   * search. A search typed while the panel went away is lost with its debounce timer: the box
   * then shows the query the desk answered, not the lost text.
   */
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const d = this.view?.directory;
    if (this.resumed || !d) return;
    this.resumed = true;
    if (this.sent === 0 && d.answered > 0) {
      this.sent = d.answered;
      this.query = d.query;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    const d = this.view?.directory;
    const m = this.messages;
    if (!d || !m) return nothing;
    const t = deskActionsMessages(m.attendant.locale);
    const results = d.results;
    const active = Math.min(this.active, results.length - 1);
    const chosen = active >= 0 ? results[active] : undefined;
    const open = results.length > 0;
    // A status for what the agent typed last, once its answer is in (not a previous one).
    const settled = d.answered === this.sent && d.status === 'done';
    const typedShown = this.query.trim() !== '' && settled && d.query === this.query;
    return html`<section aria-labelledby="directory-title" data-testid="directory" data-settled=${settled ? 'true' : 'false'}>
      <h3 id="directory-title">${t.directoryTitle}</h3>
      <div class="field">
        <label for="directory-input">${t.directoryLabel}</label>
        <input
          id="directory-input"
          data-testid="directory-input"
          type="search"
          autocomplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="directory-list"
          aria-activedescendant=${chosen ? `directory-option-${active}` : ''}
          aria-describedby="directory-hint"
          .value=${this.query}
          @input=${(e: Event) => this.typed((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.key(e, results)}
        />
        <p class="hint" id="directory-hint">${t.directoryHint}</p>
      </div>
      <ul id="directory-list" role="listbox" aria-label=${t.directoryTitle} aria-busy=${settled ? 'false' : 'true'} data-testid="directory-list" ?hidden=${!open}>
        ${results.map(
          (entry, i) => html`<li
            id=${`directory-option-${i}`}
            role="option"
            aria-selected=${i === active ? 'true' : 'false'}
            data-testid="directory-option"
            data-key=${entry.key}
            data-source=${entry.source}
            data-favourite=${entry.favourite ? 'true' : 'false'}
            @click=${() => (this.active = i)}
            @dblclick=${() => this.primary(entry)}
          >
            ${sourceIcon(entry.source, t.directorySources[entry.source])}
            <span class="who"><span data-testid="directory-name">${entry.name}</span><span class="number">${entry.number ?? t.directoryNoNumber}</span></span>
            ${entry.favourite && entry.source !== 'favourite' ? html`<span class="star">${sldsIcon(favoriteIcon)}</span>` : nothing}
          </li>`,
        )}
      </ul>
      <p class="status" role="status" aria-live="polite" data-testid="directory-status">
        ${!settled && this.query.trim() !== '' ? t.directorySearching : typedShown ? (results.length === 0 ? t.directoryNone(d.query) : t.directoryCount(results.length)) : ''}
      </p>
      ${d.salesforceError === null ? nothing : html`<p class="error" role="alert" data-testid="directory-error">${t.directorySalesforceFailed(d.salesforceError)}</p>`}
      ${chosen ? this.renderActions(chosen, m) : nothing}
    </section>`;
  }

  private renderActions(entry: DirectoryEntry, m: Messages) {
    const t = deskActionsMessages(m.attendant.locale);
    const phase = this.view?.agent.phase;
    const transfer = phase === 'connected' ? transferTargetOf(entry) : null;
    return html`<div class="row">
      ${phase === 'ready' && entry.number !== null ? html`<button class="brand" data-testid="directory-call" @click=${() => this.primary(entry)}>${t.directoryCall(entry.name)}</button>` : nothing}
      ${transfer !== null ? html`<button class="brand" data-testid="directory-transfer" @click=${() => this.primary(entry)}>${t.directoryTransfer(entry.name)}</button>` : nothing}
      <button data-testid="directory-favourite" aria-pressed=${entry.favourite ? 'true' : 'false'} @click=${() => this.send({ kind: 'directoryFavourite', entry, on: !entry.favourite })}>
        ${entry.favourite ? t.directoryFavouriteRemove(entry.name) : t.directoryFavouriteAdd(entry.name)}
      </button>
    </div>`;
  }

  private typed(value: string): void {
    this.query = value;
    this.active = 0;
    clearTimeout(this.timer);
    this.sent += 1;
    const id = this.sent;
    this.timer = setTimeout(() => this.send({ kind: 'directorySearch', query: value, id }), DIRECTORY_DEBOUNCE_MS);
  }

  private key(event: KeyboardEvent, results: readonly DirectoryEntry[]): void {
    const count = results.length;
    const move = (to: number) => {
      event.preventDefault();
      this.active = count === 0 ? 0 : (to + count) % count;
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#directory-option-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
    };
    if (event.key === 'ArrowDown') move(this.active + 1);
    else if (event.key === 'ArrowUp') move(this.active - 1);
    else if (event.key === 'Home' && count > 0) move(0);
    else if (event.key === 'End' && count > 0) move(count - 1);
    else if (event.key === 'Enter') {
      const entry = results[Math.min(this.active, count - 1)];
      if (entry) {
        event.preventDefault();
        this.primary(entry);
      }
    } else if (event.key === 'Escape' && this.query !== '') {
      event.preventDefault();
      this.typed('');
    }
  }

  /** Transfers the call to `entry` during a call; dials it when idle. */
  private primary(entry: DirectoryEntry): void {
    const phase = this.view?.agent.phase;
    if (phase === 'connected') {
      const target = transferTargetOf(entry);
      if (target !== null) this.send({ kind: 'transfer', target, mode: 'blind' });
    } else if (phase === 'ready' && entry.number !== null) {
      this.send({ kind: 'dial', number: entry.number });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-directory': DirectoryPanel;
  }
}
