import { css } from 'lit';

export const configErrorPanelStyles = css`
  .panel {
    border: 1px solid var(--dt-error);
    border-left-width: 4px;
    border-radius: var(--dt-radius);
    background: var(--dt-error-bg);
    padding: var(--dt-space-3) var(--dt-space-4);
  }
  h2 {
    margin: 0 0 var(--dt-space-2);
    font-size: 0.875rem;
    color: var(--dt-error);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    background: var(--dt-surface);
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-2) var(--dt-space-3);
    margin-bottom: var(--dt-space-2);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--dt-space-1) var(--dt-space-3);
    margin: 0;
  }
  dt {
    color: var(--dt-text-weak);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 0.75rem;
  }
  .label {
    font-weight: 700;
  }
  .hint {
    margin: var(--dt-space-2) 0 0;
    color: var(--dt-text-weak);
  }
`;
