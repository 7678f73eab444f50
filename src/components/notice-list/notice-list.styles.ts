import { css } from 'lit';

export const noticeListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--dt-space-1);
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: var(--dt-space-2);
    padding: var(--dt-space-2);
    border-radius: var(--dt-radius);
    border: 1px solid var(--dt-border);
    background: var(--dt-surface-alt);
  }
  .notice.warning {
    background: var(--dt-warning-bg);
    border-color: var(--dt-warning);
  }
  .notice.error {
    background: var(--dt-error-bg);
    border-color: var(--dt-error);
  }
  .icon {
    display: flex;
    align-items: center;
    height: 1.21875rem;
    color: var(--dt-text-weak);
  }
  .warning .icon {
    color: var(--dt-warning-icon);
  }
  .error .icon {
    color: var(--dt-error);
  }
  .body {
    flex: 1;
    min-width: 0;
    border-radius: var(--dt-radius);
  }
  .body:focus-visible,
  .body:focus {
    outline: 2px solid var(--dt-focus);
    outline-offset: 2px;
  }
  .text,
  .detail {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .detail {
    font-size: 0.75rem;
    color: var(--dt-text-weak);
  }
  details.detail p {
    margin: var(--dt-space-1, 0.25rem) 0 0;
  }
  details.detail summary {
    cursor: pointer;
  }
  details.detail summary:focus-visible {
    outline: 2px solid var(--dt-focus);
    outline-offset: 2px;
  }
  .dismiss {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0 var(--dt-space-1);
    line-height: 1.5rem;
    color: var(--dt-text-weak);
    background: transparent;
    border-color: transparent;
  }
`;
