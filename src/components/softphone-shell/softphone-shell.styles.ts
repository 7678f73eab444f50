import { css } from 'lit';

export const softphoneShellStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    background: var(--dt-surface);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--dt-space-2);
    padding: var(--dt-space-2) var(--dt-space-3);
    border-bottom: 1px solid var(--dt-border);
    background: var(--dt-surface-alt);
  }
  header.agent {
    display: block;
    padding: 0;
  }
  /* Above the panel's body, so the status menu opens over it (and over the sticky notices). */
  header {
    position: relative;
    z-index: 3;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    border-radius: 1rem;
    padding: 0 var(--dt-space-2);
    background: var(--dt-neutral-bg);
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--dt-neutral-mark);
  }
  main:focus {
    /* A focus target of last resort (the panel opened while booting), not a control. */
    outline: none;
  }
  main {
    flex: 1;
    overflow: auto;
    padding: var(--dt-space-3);
  }
  h2 {
    margin: 0 0 var(--dt-space-2);
    font-size: 0.875rem;
  }
  .muted {
    color: var(--dt-text-weak);
  }
  .notice {
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-3) var(--dt-space-4);
  }
  .notice.warning {
    background: var(--dt-warning-bg);
  }
  .ready {
    display: flex;
    flex-direction: column;
    gap: var(--dt-space-3);
  }
  /* No box (so no flex gap under the header) while there is nothing to show; its <details> is the item. */
  .ready > dialtone-failed-logs {
    display: contents;
  }
  /* A part that draws nothing now (AgentElement marks it) takes no room and adds no gap. */
  .ready > [data-empty] {
    display: none;
  }
  /* A Ready part a call's start hides (kept-parts.ts), not the hidden attribute (it forces style at once). */
  .ready > [data-hidden] {
    display: none;
  }
  /* An empty live region (the monitored indicator) must stay in the page to be announced later. */
  .ready > [data-quiet] {
    position: absolute;
  }
  /* Notices stay at the top of the visible panel however far the agent scrolled (issue 15). */
  dialtone-notice-list {
    position: sticky;
    top: calc(-1 * var(--dt-space-3));
    z-index: 2;
    max-height: 60%;
    overflow: auto;
    background: var(--dt-surface);
  }
  details {
    border-top: 1px solid var(--dt-border);
    padding-top: var(--dt-space-2);
  }
  summary {
    cursor: pointer;
    font-weight: 700;
    color: var(--dt-text);
    border-radius: var(--dt-radius);
    margin-bottom: var(--dt-space-2);
  }
  summary:focus-visible {
    outline: none;
    box-shadow: 0 0 3px var(--dt-brand);
  }
  .connection {
    display: grid;
    /* Labels up to 60 %: at 200 % zoom "Conectado a Salesforce" pushed its value out of the panel. */
    grid-template-columns: fit-content(60%) minmax(0, 1fr);
    gap: var(--dt-space-1) var(--dt-space-3);
    margin: var(--dt-space-3) 0 0;
    font-size: 0.75rem;
  }
  .connection dt {
    color: var(--dt-text-weak);
  }
  .connection dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .connection .yes {
    color: var(--dt-success);
  }
  .error {
    color: var(--dt-error);
    font-size: 0.75rem;
    margin: 0;
  }
`;
