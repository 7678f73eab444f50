import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CallControl, ConferenceTarget, Participant, TransferMode, TransferTarget } from '../../call/index.ts';
import type { Availability, IntentAvailability, TransferTargets } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { refusalHints, refusalHintStyles, refused, whyRefused } from '../shared/refusal-hint.ts';
import { transferPanelStyles } from './transfer-panel.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

type TargetKind = TransferTarget['kind'];
const TRANSFER_KINDS: readonly TargetKind[] = ['number', 'user', 'queue', 'campaign'];
const INVITE_KINDS: readonly ConferenceTarget['kind'][] = ['number', 'user'];

/** Only a participant that rang or joined has a Remove button (one being invited or removed has nothing to remove yet). */
function kickable(p: Participant): boolean {
  return p.state === 'ringing' || p.state === 'in';
}

/** The Remove button's availability for `p`, as a list: empty when it has no button. */
function kickOf(p: Participant, all: IntentAvailability): Availability[] {
  const kick = p.id === null ? undefined : all.kickParticipant[p.id];
  return kick !== undefined && kickable(p) ? [kick] : [];
}

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * Transfer and conference for the call in progress (docs/transfers-conference.md): pick a target
 * type and a target (or type a number when the call center allows it), then transfer blind or
 * consult first; during a consultation complete it or end it ("fin de transferencia"); or start a
 * conference, invite numbers and users one at a time, see who is invited, remove one or everyone.
 * Names from the platform are untrusted: they are rendered as text only.
 */
@customElement('dialtone-transfer-panel')
export class TransferPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'transferTargets'];
  static override styles = [sldsTokens, controlStyles, refusalHintStyles, transferPanelStyles];

  @state() private kind: TargetKind = 'number';
  @state() private chosen = '';
  @state() private typed = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || view.agent.phase !== 'connected') return nothing;
    const agent = view.agent;
    const targets = view.transferTargets ?? null;
    const control = agent.control;
    return html`
      <section class="card" aria-labelledby="transfer-title" data-testid="transfer-panel" data-control=${control.kind}>
        <h3 id="transfer-title">${m.transferTitle}</h3>
        ${this.renderControl(control, targets, m, view.can, agent.call.campaign)}
      </section>
    `;
  }

  private renderControl(control: CallControl, targets: TransferTargets | null, m: Messages, all: IntentAvailability, campaign: number | null) {
    const can = all.intents;
    switch (control.kind) {
      case 'none':
        return html`${this.renderPicker(targets, m, can, campaign, TRANSFER_KINDS, false)} ${refusalHints(m, 'transfer', [can.transfer, can.startConference])}`;
      case 'transferring':
        return html`<p role="status" data-testid="transfer-status">${m.transferInFlight(this.describe(control.target, targets))}</p>`;
      case 'consulting':
        return html`
          <p role="status" data-testid="transfer-status" data-step=${control.step}>${m.transferConsulting(this.describe(control.target, targets))}</p>
          <div class="row">
            <button class="brand" data-testid="transfer-complete" ?disabled=${refused(can.completeTransfer)} aria-describedby=${whyRefused('transfer', can.completeTransfer)} @click=${() => this.send({ kind: 'completeTransfer' })}>${m.transferComplete}</button>
            <button data-testid="transfer-end" ?disabled=${refused(can.endTransfer)} aria-describedby=${whyRefused('transfer', can.endTransfer)} @click=${() => this.send({ kind: 'endTransfer' })}>${m.transferEnd}</button>
          </div>
          ${refusalHints(m, 'transfer', [can.completeTransfer, can.endTransfer])}
        `;
      case 'conference': {
        const starting = control.step !== 'on';
        return html`
          <p role="status" data-testid="conference-status" data-step=${control.step}>${starting ? m.conferenceStarting : m.conferenceOn}</p>
          ${this.renderPicker(targets, m, can, campaign, INVITE_KINDS, true)}
          <h4 id="participants-title">${m.conferenceParticipants}</h4>
          ${control.participants.length === 0
            ? html`<p data-testid="conference-empty">${m.conferenceNone}</p>`
            : html`<ul aria-labelledby="participants-title" data-testid="participants">
                ${control.participants.map((p) => this.renderParticipant(p, targets, m, all))}
              </ul>`}
          <button class="destructive wide" data-testid="conference-kick-all" ?disabled=${refused(can.kickAll)} aria-describedby=${whyRefused('transfer', can.kickAll)} @click=${() => this.send({ kind: 'kickAll' })}>${m.conferenceEnd}</button>
          ${refusalHints(m, 'transfer', [can.inviteParticipant, can.kickAll, ...control.participants.flatMap((p) => kickOf(p, all))])}
        `;
      }
    }
  }

  private renderParticipant(p: Participant, targets: TransferTargets | null, m: Messages, all: IntentAvailability) {
    const name = this.describe(p.target, targets);
    const id = p.id;
    const kick = id === null ? undefined : all.kickParticipant[id];
    return html`<li data-testid="participant" data-state=${p.state} data-participant=${id ?? ''}>
      <span>${name}</span> <span class="state">${m.participantStates[p.state]}</span>
      ${id !== null && kick !== undefined && kickable(p)
        ? html`<button data-testid="participant-kick" aria-label=${m.conferenceRemove(name)} ?disabled=${refused(kick)} aria-describedby=${whyRefused('transfer', kick)} @click=${() => this.send({ kind: 'kickParticipant', participant: id })}>${m.conferenceRemoveShort}</button>`
        : nothing}
    </li>`;
  }

  private renderPicker(targets: TransferTargets | null, m: Messages, can: IntentAvailability['intents'], campaign: number | null, kinds: readonly TargetKind[], conference: boolean) {
    // The picker serves the one intent its main button sends: invite in a conference, else transfer.
    const main = conference ? can.inviteParticipant : can.transfer;
    const disabled = refused(main);
    const kind = kinds.includes(this.kind) ? this.kind : 'number';
    const options = this.optionsFor(kind, targets, campaign);
    const selected = options.some((o) => o.value === this.chosen) ? this.chosen : (options[0]?.value ?? '');
    const manual = kind === 'number' && (targets?.allowManualNumber ?? false);
    const target = this.targetOf(kind, selected, manual);
    const prefix = conference ? 'invite' : 'transfer';
    return html`
      <div class="field">
        <label for="${prefix}-kind">${m.transferTargetType}</label>
        <select id="${prefix}-kind" data-testid="${prefix}-kind" ?disabled=${disabled} @change=${(e: Event) => this.pickKind((e.target as HTMLSelectElement).value as TargetKind)}>
          ${kinds.map((k) => html`<option value=${k} ?selected=${k === kind}>${m.transferKinds[k]}</option>`)}
        </select>
      </div>
      ${options.length > 0
        ? html`<div class="field">
            <label for="${prefix}-target">${m.transferTarget}</label>
            <select id="${prefix}-target" data-testid="${prefix}-target" ?disabled=${disabled} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
              ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === selected}>${o.label}</option>`)}
            </select>
          </div>`
        : manual
          ? nothing
          : html`<p data-testid="${prefix}-no-targets">${m.transferNoTargets}</p>`}
      ${manual
        ? html`<div class="field">
            <label for="${prefix}-number">${m.transferTypedNumber}</label>
            <input
              id="${prefix}-number"
              data-testid="${prefix}-number"
              type="tel"
              inputmode="tel"
              autocomplete="off"
              .value=${this.typed}
              ?disabled=${disabled}
              @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
            />
          </div>`
        : nothing}
      <div class="row">
        ${conference
          ? html`<button class="brand" data-testid="conference-invite" ?disabled=${disabled || target === null} aria-describedby=${whyRefused('transfer', main)} @click=${() => this.invite(target)}>${m.conferenceInvite}</button>`
          : html`
              <button class="brand" data-testid="transfer-blind" ?disabled=${disabled || target === null} aria-describedby=${whyRefused('transfer', main)} @click=${() => this.transfer(target, 'blind')}>${m.transferBlind}</button>
              <button data-testid="transfer-attended" ?disabled=${disabled || target === null} aria-describedby=${whyRefused('transfer', main)} @click=${() => this.transfer(target, 'attended')}>${m.transferAttended}</button>
              <button data-testid="conference-start" ?disabled=${refused(can.startConference)} aria-describedby=${whyRefused('transfer', can.startConference)} @click=${() => this.send({ kind: 'startConference' })}>${m.conferenceStart}</button>
            `}
      </div>
    `;
  }

  private pickKind(kind: TargetKind): void {
    this.kind = kind;
    this.chosen = '';
  }

  private transfer(target: TransferTarget | null, mode: TransferMode): void {
    if (target === null) return;
    this.send({ kind: 'transfer', target, mode });
    this.typed = '';
  }

  private invite(target: TransferTarget | null): void {
    if (target === null || (target.kind !== 'number' && target.kind !== 'user')) return;
    this.send({ kind: 'inviteParticipant', target });
    this.typed = '';
  }

  /** The target the buttons act on: a typed number wins over the list. */
  private targetOf(kind: TargetKind, selected: string, manual: boolean): TransferTarget | null {
    if (kind === 'number') {
      const typed = this.typed.trim();
      if (manual && typed !== '') return { kind: 'number', number: typed };
      return selected === '' ? null : { kind: 'number', number: selected };
    }
    if (selected === '') return null;
    if (kind === 'user') return { kind: 'user', user: selected };
    return kind === 'queue' ? { kind: 'queue', queue: Number(selected) } : { kind: 'campaign', campaign: Number(selected) };
  }

  private optionsFor(kind: TargetKind, targets: TransferTargets | null, campaign: number | null): readonly Option[] {
    if (targets === null) return [];
    switch (kind) {
      case 'number': {
        const listed = campaign === null ? [] : (targets.campaignNumbers[campaign] ?? []);
        const all = [...listed, ...targets.numbers.filter((n) => !listed.some((l) => l.number === n.number))];
        return all.map((n) => ({ value: n.number, label: `${n.name} (${n.number})` }));
      }
      case 'user':
        return targets.users.map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }));
      case 'queue':
        return targets.queues.map((q) => ({ value: String(q.id), label: `${q.name} (${String(q.id)})` }));
      case 'campaign':
        return targets.campaigns.map((c) => ({ value: String(c.id), label: `${c.name} (${String(c.id)})` }));
    }
  }

  /** A target in words: its listed name when known, else its id or number. */
  private describe(target: TransferTarget, targets: TransferTargets | null): string {
    switch (target.kind) {
      case 'number':
        return targets?.numbers.find((n) => n.number === target.number)?.name ?? target.number;
      case 'user':
        return targets?.users.find((u) => u.id === target.user)?.name ?? target.user;
      case 'queue':
        return targets?.queues.find((q) => q.id === target.queue)?.name ?? String(target.queue);
      case 'campaign':
        return targets?.campaigns.find((c) => c.id === target.campaign)?.name ?? String(target.campaign);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-transfer-panel': TransferPanel;
  }
}
