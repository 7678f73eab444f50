import { css } from 'lit';

export const failedLogsStyles = css`
  details.failed {
    border: 1px solid var(--dt-error);
    border-radius: var(--dt-radius);
    background: var(--dt-error-bg);
    padding: var(--dt-space-2);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .help,
  .reason,
  .subject {
    margin: var(--dt-space-1) 0;
    overflow-wrap: anywhere;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--dt-space-2);
  }
  li {
    background: var(--dt-surface);
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-2);
  }
  .subject {
    font-weight: 600;
  }
  pre,
  textarea {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.75rem;
    margin: var(--dt-space-1) 0;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 6rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-1);
    margin-top: var(--dt-space-1);
  }
  .hint,
  .copy-status {
    font-size: 0.75rem;
    color: var(--dt-text-weak);
    margin: var(--dt-space-1) 0 0;
  }
`;
