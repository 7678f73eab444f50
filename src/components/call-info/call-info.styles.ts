import { css } from 'lit';

export const callInfoStyles = css`
  dl {
    display: grid;
    /* The labels take what they need up to 60 % (at 200 % zoom "Id. de la última llamada" left no room for its value). */
    grid-template-columns: fit-content(60%) minmax(0, 1fr);
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
