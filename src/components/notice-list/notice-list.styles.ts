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
    border-color: #dd7a01;
  }
  .notice.error {
    background: var(--dt-error-bg);
    border-color: var(--dt-error);
  }
  .icon {
    line-height: 1.5;
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
    outline: 2px solid var(--dt-focus, #0176d3);
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
    outline: 2px solid var(--dt-focus, #0176d3);
    outline-offset: 2px;
  }
  .dismiss {
    padding: 0 var(--dt-space-2);
    line-height: 1.5rem;
    color: var(--dt-text-weak);
    background: transparent;
    border-color: transparent;
  }
`;
