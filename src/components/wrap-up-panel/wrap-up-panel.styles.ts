import { css } from 'lit';

/**
 * The wrap-up form at SLDS's compact density, so the whole form (countdown, disposition, the
 * callback sub-form, Save, Release, Available again) fits the 340×560 utility panel without
 * scrolling in es, pt and en (e2e/components/wrap-up-fit.test.ts measures it).
 */
export const wrapUpPanelStyles = css`
  .card {
    border-left: 4px solid var(--dt-warning);
  }
  h2 {
    margin-bottom: var(--dt-space-1);
  }
  /* One quiet line under the title (it was a tinted 2-line band). */
  .countdown {
    margin: 0 0 var(--dt-space-2);
    color: var(--dt-text-weak);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--dt-space-2);
  }
  .form > .field,
  .form .row > .field,
  .form .check {
    margin-bottom: 0;
  }
  /* SLDS base button (no border, brand text on white, 4.5:1) with a chevron that turns when open. */
  button.disclosure {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    border-color: transparent;
    padding: 0 var(--dt-space-1);
    margin-left: calc(-1 * var(--dt-space-1));
    line-height: 1.5rem;
    color: var(--dt-brand-dark);
  }
  /* SLDS base button hover: no grey box (it read as a pressed state), the link's underline. */
  button.disclosure:hover {
    background: transparent;
    text-decoration: underline;
  }
  button.disclosure .chevron {
    transform: rotate(-90deg);
    transition: transform 0.1s linear;
  }
  button.disclosure[aria-expanded='true'] .chevron {
    transform: none;
  }
  /* The sub-form hangs under its toggle, marked by a rule instead of a box (the box took 18 px). */
  .callback {
    display: flex;
    flex-direction: column;
    gap: var(--dt-space-2);
    border: 0;
    border-left: 2px solid var(--dt-border);
    margin: 0;
    padding: 0 0 0 var(--dt-space-2);
    min-width: 0;
  }
  .callback[hidden] {
    display: none;
  }
  .callback .row > .field {
    flex: 1 1 7rem;
    min-width: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-2);
  }
  .actions > button {
    flex: 1 1 auto;
  }
  .saved {
    margin: 0;
    color: var(--dt-success);
  }
`;
