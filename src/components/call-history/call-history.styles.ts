import { css } from 'lit';

export const callHistoryStyles = css`
  section {
    font-size: 0.8125rem;
  }
  p {
    margin: 0 0 var(--dt-space-1);
  }
  .help {
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  .error {
    color: var(--dt-error);
    background: var(--dt-error-bg);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-1) var(--dt-space-2);
    overflow-wrap: anywhere;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-top: 1px solid var(--dt-border);
    padding: var(--dt-space-2) 0;
  }
  .who {
    display: flex;
    align-items: center;
    gap: var(--dt-space-1);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .dir {
    font-weight: 400;
    color: var(--dt-text-weak);
  }
  .facts {
    color: var(--dt-text-weak);
    font-size: 0.75rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: var(--dt-space-2);
    margin-top: var(--dt-space-1);
  }
  .actions button {
    padding: 0 var(--dt-space-2);
    line-height: 1.5rem;
  }
  .crm-icon {
    flex: none;
  }
`;
