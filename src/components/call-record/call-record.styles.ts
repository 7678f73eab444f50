import { css } from 'lit';

export const callRecordStyles = css`
  section {
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-2) var(--dt-space-3);
    font-size: 0.8125rem;
  }
  p {
    margin: 0 0 var(--dt-space-1);
    overflow-wrap: anywhere;
  }
  .type {
    color: var(--dt-text-weak);
  }
  .why {
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  code {
    font-family: inherit;
    font-weight: 700;
    color: var(--dt-text);
  }
  ul {
    list-style: none;
    margin: var(--dt-space-1) 0 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--dt-space-2);
    padding: var(--dt-space-1) 0;
    border-top: 1px solid var(--dt-border);
    overflow-wrap: anywhere;
  }
  .label {
    margin-top: var(--dt-space-2);
  }
`;
