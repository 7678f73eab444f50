import { css } from 'lit';

export const callInfoStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--dt-space-3);
    margin: 0;
    font-size: 0.75rem;
  }
  dt {
    color: var(--dt-text-weak);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }
`;
