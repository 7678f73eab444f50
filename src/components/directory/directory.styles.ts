import { css } from 'lit';

export const directoryStyles = css`
  ul {
    list-style: none;
    margin: var(--dt-space-1, 0.25rem) 0 0;
    padding: 0;
    max-height: 14rem;
    overflow-y: auto;
    border: 1px solid var(--dt-border);
    border-radius: 0.25rem;
  }
  li {
    display: flex;
    gap: var(--dt-space-2, 0.5rem);
    align-items: center;
    padding: var(--dt-space-1, 0.25rem) var(--dt-space-2, 0.5rem);
    cursor: pointer;
  }
  li[aria-selected='true'] {
    background: var(--dt-selected-bg);
    outline: 2px solid var(--dt-focus);
    outline-offset: -2px;
  }
  .who {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .number {
    display: block;
    font-size: 0.75rem;
    color: var(--dt-text-weak);
  }
  .star {
    color: var(--dt-warning-icon);
  }
  .source-icon {
    flex: none;
    fill: var(--dt-text-placeholder);
  }
  .source-icon.favourite {
    fill: var(--dt-warning-icon);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-1, 0.25rem);
    margin-top: var(--dt-space-1, 0.25rem);
  }
  .hint,
  .status {
    margin: 0.125rem 0 0;
    font-size: 0.75rem;
    color: var(--dt-text-weak);
  }
  .error {
    color: var(--dt-error);
  }
`;
