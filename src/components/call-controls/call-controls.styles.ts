import { css } from 'lit';

export const callControlsStyles = css`
  .card {
    border-left: 4px solid var(--dt-success);
  }
  .who {
    margin: 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  /* A name wraps like a number (never cut: at 200 % zoom the card is 170 px wide); full text in title too. */
  .party-number {
    margin: 0;
    color: var(--dt-text-weak);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .timer {
    margin: 0 0 var(--dt-space-2);
    font-size: 1.25rem;
  }
  /* Three in a row at the panel's width; fewer per row when the card is narrower (200 % zoom: Show
     keypad was pushed out of the panel's right edge). */
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 5rem), 1fr));
    gap: var(--dt-space-1);
    margin-bottom: var(--dt-space-2);
  }
  .buttons button {
    padding: var(--dt-space-1);
    line-height: 1.25;
    min-height: 2rem;
  }
  /* Pressed (on hold, muted): SLDS's light brand background needs the dark brand text for 4.5:1
     (#0176d3 on #d8e6fe is 3.67:1). */
  button.on {
    background: var(--dt-brand-light);
    border-color: var(--dt-brand);
    color: var(--dt-brand-dark);
  }
  #keypad:not(:empty) {
    margin-top: var(--dt-space-3);
  }
`;
