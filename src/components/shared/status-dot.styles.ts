import { css } from 'lit';

/** The coloured dot before a status (the status pill, the phone badge); its colour is set per state. */
export const statusDotStyles = css`
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--dt-neutral-mark);
    flex: none;
  }
`;
