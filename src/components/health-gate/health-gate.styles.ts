import { css } from 'lit';

export const healthGateStyles = css`
  details > summary {
    cursor: pointer;
    font-weight: 700;
  }
  .blocked {
    color: var(--dt-error);
    background: var(--dt-error-bg);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-2);
    margin: var(--dt-space-2) 0;
  }
  ul {
    list-style: none;
    margin: var(--dt-space-2) 0;
    padding: 0;
  }
  li {
    padding: var(--dt-space-1) 0;
    border-bottom: 1px solid var(--dt-surface-alt);
  }
  .line {
    display: flex;
    gap: var(--dt-space-2);
    justify-content: space-between;
  }
  .status {
    font-weight: 700;
    white-space: nowrap;
  }
  .status.failed {
    color: var(--dt-error);
  }
  .status.ok {
    color: var(--dt-success);
  }
  .reason {
    margin: var(--dt-space-1) 0 0;
    font-size: 0.8125rem;
  }
  meter {
    width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-2);
  }
`;
