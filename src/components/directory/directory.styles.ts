import { css } from 'lit';

export const directoryStyles = css`
  ul {
    list-style: none;
    margin: var(--dt-space-1, 0.25rem) 0 0;
    padding: 0;
    max-height: 14rem;
    overflow-y: auto;
    border: 1px solid var(--dt-border, #c9c9c9);
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
    background: #e5f1fb;
    outline: 2px solid #0176d3;
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
    color: #dd7a01;
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
    color: var(--dt-error, #ba0517);
  }
`;
