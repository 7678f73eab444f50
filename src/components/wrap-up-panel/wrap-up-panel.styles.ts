import { css } from 'lit';

export const wrapUpPanelStyles = css`
  .card {
    border-left: 4px solid var(--dt-warning);
  }
  .card > button {
    margin-top: var(--dt-space-2);
  }
  /* The disposition gets the whole width (its button wraps under it): in a 340 px panel a
     shared row cut "Choose a disposition" / "Escolha uma tabulação" (issue 15). */
  .row > .field {
    flex-basis: 100%;
  }
  .countdown {
    margin: 0 0 var(--dt-space-2);
    padding: var(--dt-space-1) var(--dt-space-2);
    background: var(--dt-warning-bg);
    border-radius: var(--dt-radius);
    font-variant-numeric: tabular-nums;
  }
  .callback {
    margin-top: var(--dt-space-2);
    padding: var(--dt-space-2);
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
  }
  .callback fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .callback .error {
    margin-bottom: var(--dt-space-2);
  }
  .saved {
    margin: var(--dt-space-2) 0 0;
    color: var(--dt-success);
  }
`;
