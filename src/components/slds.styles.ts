import { css } from 'lit';

/**
 * Salesforce Lightning Design System look without shipping SLDS itself (≈1 MB of CSS): the
 * design tokens the utility bar uses, so the softphone looks at home next to Lightning.
 */
export const sldsTokens = css`
  :host {
    --dt-font: 'Salesforce Sans', -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    --dt-text: #181818;
    --dt-text-weak: #444444;
    --dt-border: #c9c9c9;
    --dt-surface: #ffffff;
    --dt-surface-alt: #f3f3f3;
    --dt-brand: #0176d3;
    --dt-brand-dark: #014486;
    --dt-error: #ba0517;
    --dt-error-bg: #fef1ee;
    --dt-warning-bg: #fef1e6;
    --dt-success: #2e844a;
    /* SLDS palette: warning border (orange 65), warning icon on white or the warning background
       (orange 50, ≥ 3:1 as a graphic), the neutral pill (neutral 90) and its dot (neutral 60),
       the brand's light background (cloud blue 95), the selected row (brand 95) and the favourite
       star (orange 65), as SLDS's own tokens name them. */
    --dt-warning: #dd7a01;
    --dt-warning-icon: #a96404;
    --dt-neutral-bg: #e5e5e5;
    --dt-neutral-mark: #939393;
    --dt-brand-light: #d8e6fe;
    --dt-selected-bg: #e5f1fb;
    --dt-text-placeholder: #706e6b;
    --dt-focus: #0176d3;
    --dt-on-brand: #ffffff;
    --dt-radius: 0.25rem;
    --dt-space-1: 0.25rem;
    --dt-space-2: 0.5rem;
    --dt-space-3: 0.75rem;
    --dt-space-4: 1rem;
    font-family: var(--dt-font);
    font-size: 0.8125rem;
    line-height: 1.5;
    color: var(--dt-text);
  }
  button {
    font: inherit;
    border-radius: var(--dt-radius);
    border: 1px solid var(--dt-border);
    background: var(--dt-surface);
    color: var(--dt-brand);
    padding: 0 var(--dt-space-4);
    line-height: 1.875rem;
    cursor: pointer;
  }
  button.brand {
    background: var(--dt-brand);
    border-color: var(--dt-brand);
    color: var(--dt-on-brand);
  }
  /* SLDS's neutral button hover: the darker brand text keeps 4.5:1 on the grey (#0176d3 is 4.17:1). */
  button:hover {
    background: var(--dt-surface-alt);
    color: var(--dt-brand-dark);
  }
  button.brand:hover {
    background: var(--dt-brand-dark);
    color: var(--dt-on-brand);
  }
  button:focus-visible {
    outline: none;
    box-shadow: 0 0 3px var(--dt-focus);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    border: 0;
  }
`;
