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
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    border-radius: 1rem;
    padding: 0 var(--dt-space-2);
    background: #e5e5e5;
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: #939393;
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
  .ready dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--dt-space-1) var(--dt-space-3);
    margin: 0;
  }
  .ready dt {
    color: var(--dt-text-weak);
  }
  .ready dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
