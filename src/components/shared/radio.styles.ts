import { css } from 'lit';

/**
 * (Adopted after controlStyles, whose text-field rule would otherwise size a radio like a field.)
 *
 * SLDS radio groups for the panel's native radios (issue 15: they were drawn unstyled), from the
 * tokens of @salesforce-ux/design-system: the native `<input type="radio">` keeps its keyboard
 * (arrow keys within the group), its role and its checked state, and only its face changes, so
 * a click on it or its label, Playwright's `check()` and a screen reader all meet a real radio.
 *
 * - `fieldset.radio-group` (SLDS "Radio Group"): the legend as a form label, one
 *   `label.radio > input[type=radio] + text` per choice, a 1 rem ring with the brand dot.
 * - `fieldset.radio-button-group` (SLDS "Radio Button Group"): the choices as one segmented
 *   button row; the checked one in the brand colour, white text.
 *
 * Colours: the ring is SLDS `palette-neutral-50` (#747474, 4.6:1 on white, where SLDS 1's
 * `color-border-input` #c9c9c9 is only 1.6:1 and fails WCAG 1.4.11); text is the panel's text
 * colour (≥ 4.5:1); the focus is a 2 px brand outline off the control, visible on every face.
 */
export const radioStyles = css`
  fieldset.radio-group,
  fieldset.radio-button-group {
    border: 0;
    margin: 0 0 var(--dt-space-2);
    padding: 0;
    min-width: 0;
  }
  fieldset.radio-group > legend,
  fieldset.radio-button-group > legend {
    padding: 0;
    margin-bottom: 0.125rem;
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
  .radio-group .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-1) var(--dt-space-3);
  }
  label.radio {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-2);
    min-height: 1.5rem;
    color: var(--dt-text);
    font-size: 0.8125rem;
    cursor: pointer;
  }
  label.radio input[type='radio'] {
    appearance: none;
    display: inline-grid;
    place-content: center;
    flex: none;
    width: 1rem;
    height: 1rem;
    min-height: 0;
    margin: 0;
    padding: 0;
    border: 1px solid #747474;
    border-radius: 50%;
    background: var(--dt-surface);
    cursor: pointer;
  }
  label.radio input[type='radio']::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--dt-brand);
    transform: scale(0);
  }
  label.radio input[type='radio']:checked {
    border-color: var(--dt-brand);
  }
  label.radio input[type='radio']:checked::before {
    transform: scale(1);
  }
  label.radio input[type='radio']:focus-visible {
    outline: 2px solid var(--dt-focus);
    outline-offset: 2px;
  }
  label.radio:has(input:disabled) {
    color: var(--dt-text-weak);
    cursor: default;
  }
  label.radio input[type='radio']:disabled {
    border-color: var(--dt-border);
    background: var(--dt-surface-alt);
    cursor: default;
  }
  label.radio input[type='radio']:disabled::before {
    background: var(--dt-text-weak);
  }

  /* Radio button group: the input covers its segment (transparent), so a click anywhere on the
     segment is a click on the radio itself; the segment draws the face. */
  .radio-button-group .choices {
    display: inline-flex;
    flex-wrap: wrap;
    max-width: 100%;
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    overflow: hidden;
  }
  label.radio-button {
    position: relative;
    display: inline-flex;
    align-items: center;
    padding: 0 var(--dt-space-4);
    line-height: 1.875rem;
    background: var(--dt-surface);
    color: var(--dt-brand-dark);
    font-size: 0.8125rem;
    cursor: pointer;
  }
  label.radio-button + label.radio-button {
    border-left: 1px solid var(--dt-border);
  }
  label.radio-button input[type='radio'] {
    appearance: none;
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    min-height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: transparent;
    cursor: pointer;
  }
  label.radio-button:hover {
    background: var(--dt-surface-alt);
  }
  label.radio-button:has(input:checked) {
    background: var(--dt-brand);
    color: var(--dt-on-brand);
  }
  label.radio-button:has(input:focus-visible) {
    outline: 2px solid var(--dt-focus);
    outline-offset: -4px;
  }
  label.radio-button:has(input:checked:focus-visible) {
    outline-color: var(--dt-on-brand);
  }
  label.radio-button:has(input:disabled) {
    color: var(--dt-text-weak);
    background: var(--dt-surface-alt);
    cursor: default;
  }
  label.radio-button:has(input:checked:disabled) {
    background: var(--dt-text-weak);
    color: var(--dt-on-brand);
  }
`;
