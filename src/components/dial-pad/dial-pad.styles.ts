import { css } from 'lit';

export const dialPadStyles = css`
  .number-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-2);
  }
  .number-row input {
    flex: 1 1 7rem;
    min-width: 0;
    font-size: 1rem;
  }
  .number-row button {
    flex: none;
  }
  .keypad-toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    padding: 0 var(--dt-space-3);
  }
  /* Unfolded: SLDS's selected background, with the dark brand text for 4.5:1. */
  .keypad-toggle[aria-expanded='true'] {
    background: var(--dt-selected-bg);
    color: var(--dt-brand-dark);
  }
  #keys {
    margin-top: var(--dt-space-2);
  }
  .keys {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--dt-space-1);
  }
  .key {
    font-size: 1rem;
    line-height: 2.25rem;
    color: var(--dt-text);
    padding: 0;
  }
  .tones {
    margin: 0 0 var(--dt-space-2);
    min-height: 1.25rem;
    overflow-wrap: anywhere;
  }
  output {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.1em;
  }
`;
