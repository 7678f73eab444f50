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
  /* The status takes the room the buttons leave (a long break name wraps inside it), and the
     whole line when the panel is too narrow for both (200 % zoom). */
  dialtone-status-menu {
    flex: 1 1 9rem;
    min-width: 0;
  }
  .phone.registered .dot {
    background: var(--dt-success);
  }
  .phone.registering .dot,
  .phone.reconnecting .dot {
    background: var(--dt-warning);
  }
  .phone.down .dot {
    background: var(--dt-error);
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
  /* A badge kept in its place while the phone rings, with nothing left to say (agent-status.ts). */
  .badge.kept {
    visibility: hidden;
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
