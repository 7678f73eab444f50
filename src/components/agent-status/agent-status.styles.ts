import { css } from 'lit';

export const agentStatusStyles = css`
  :host {
    display: block;
    padding: var(--dt-space-2) var(--dt-space-3);
  }
  .line {
    display: flex;
    align-items: center;
    gap: var(--dt-space-2);
    flex-wrap: wrap;
  }
  .badges {
    margin-top: var(--dt-space-1);
    gap: var(--dt-space-1);
  }
  .spacer {
    flex: 1;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    border-radius: 1rem;
    padding: 0 var(--dt-space-2);
    font-weight: 700;
    background: var(--dt-neutral-bg);
    color: var(--dt-text);
  }
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--dt-neutral-mark);
    flex: none;
  }
  .pill.ready .dot,
  .pill.inCampaign .dot,
  .phone.registered .dot {
    background: var(--dt-success);
  }
  .pill.onBreak,
  .pill.pausing {
    background: var(--dt-warning-bg);
  }
  .pill.onBreak .dot,
  .pill.pausing .dot,
  .phone.registering .dot,
  .phone.reconnecting .dot {
    background: var(--dt-warning);
  }
  .pill.inCall,
  .pill.dialing,
  .pill.ringing,
  .pill.onHold {
    background: var(--dt-brand-light);
  }
  .pill.inCall .dot,
  .pill.dialing .dot,
  .pill.ringing .dot {
    background: var(--dt-brand);
  }
  .pill.unreachable,
  .pill.platformLost {
    background: var(--dt-warning-bg);
  }
  .phone.down .dot,
  .pill.unreachable .dot,
  .pill.platformLost .dot {
    background: var(--dt-error);
  }
  .timer {
    color: var(--dt-text-weak);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    font-size: 0.75rem;
    color: var(--dt-text-weak);
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: 0 var(--dt-space-1);
  }
  .badge.warning {
    background: var(--dt-warning-bg);
    color: var(--dt-text);
    border-color: var(--dt-warning);
  }
  dialog {
    box-sizing: border-box;
    width: min(22rem, calc(100vw - 2rem));
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-4);
    box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
    font: inherit;
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(8 7 7 / 60%);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--dt-space-2);
    flex-wrap: wrap;
  }
`;
