import { css } from 'lit';

/**
 * Form controls in the SLDS look (inputs, selects, checkboxes, labels, help and error text,
 * sections), shared by every agent-UI component so they line up in the narrow utility panel.
 */
export const controlStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3 {
    margin: 0 0 var(--dt-space-2);
    font-size: 0.875rem;
    font-weight: 700;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    margin-bottom: var(--dt-space-2);
  }
  label,
  .label {
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    box-sizing: border-box;
    width: 100%;
    min-height: 2rem;
    padding: 0 var(--dt-space-3);
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    background: var(--dt-surface);
    color: var(--dt-text);
  }
  /*
   * slds-select: the native list (keyboard, screen readers and the phone's own picker for free)
   * with SLDS's face: no platform chrome, SLDS's down chevron drawn in the text colour at the
   * right, the text given the room up to it. (Two gradients draw the chevron: no image to ship.)
   */
  select {
    appearance: none;
    padding-right: 1.75rem;
    line-height: 1.875rem;
    text-overflow: ellipsis;
    background-image: linear-gradient(45deg, transparent 50%, var(--dt-text-weak) 50%), linear-gradient(135deg, var(--dt-text-weak) 50%, transparent 50%);
    background-position:
      right 0.875rem top 50%,
      right 0.5625rem top 50%;
    background-size: 0.3125rem 0.3125rem;
    background-repeat: no-repeat;
    cursor: pointer;
  }
  select:disabled {
    cursor: default;
    background-color: var(--dt-surface-alt);
    color: var(--dt-text-weak);
  }
  select:hover:not(:disabled) {
    border-color: var(--dt-text-weak);
  }
  input:focus-visible,
  select:focus-visible {
    outline: none;
    border-color: var(--dt-brand);
    box-shadow: 0 0 3px var(--dt-brand);
  }
  input[aria-invalid='true'] {
    border-color: var(--dt-error);
    box-shadow: 0 0 0 1px var(--dt-error) inset;
  }
  input[type='checkbox'] {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--dt-brand);
  }
  input[type='checkbox']:focus-visible {
    outline: 2px solid var(--dt-brand);
    outline-offset: 2px;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--dt-space-2);
    margin-bottom: var(--dt-space-2);
  }
  .check label {
    color: var(--dt-text);
    font-size: inherit;
  }
  .help {
    color: var(--dt-text-weak);
    font-size: 0.75rem;
    margin: 0;
  }
  /* An error quotes what was typed (a 40-digit number has no place to break): it wraps anywhere rather than being cut. */
  .error {
    color: var(--dt-error);
    font-size: 0.75rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .row {
    display: flex;
    gap: var(--dt-space-2);
    align-items: flex-end;
    flex-wrap: wrap;
  }
  .row > .field {
    flex: 1 1 8rem;
    margin-bottom: 0;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button.destructive {
    background: var(--dt-error);
    border-color: var(--dt-error);
    color: var(--dt-on-brand);
  }
  button.success {
    background: var(--dt-success);
    border-color: var(--dt-success);
    color: var(--dt-on-brand);
  }
  button.wide {
    width: 100%;
  }
  .card {
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-3);
    background: var(--dt-surface);
    box-shadow: 0 2px 2px rgb(0 0 0 / 10%);
  }
  .pending {
    color: var(--dt-text-weak);
    font-style: italic;
    margin: var(--dt-space-1) 0 0;
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }
`;
