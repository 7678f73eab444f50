import { css } from 'lit';

/**
 * The status button and its menu in SLDS's look: the button (slds-button_neutral's border and
 * focus ring) is tinted like the status pill it replaces and ends in SLDS's chevron; the menu is
 * an slds-dropdown (white, border, shadow, group headers, a check mark on the current item).
 */
export const statusMenuStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
  }
  [hidden] {
    display: none !important;
  }
  /* The status keeps its words whole: when it and its timer do not fit on one line beside Log out
     (es "Tipificación", a two-word break name), the timer and chevron go together to a second line rather
     than the status breaking inside a word (its overflow-wrap is for a single word wider than the
     button). e2e/components/status-button-words.test.ts. */
  .trigger {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--dt-space-2);
    box-sizing: border-box;
    width: 100%;
    padding: 0 var(--dt-space-2);
    line-height: 1.25rem;
    min-height: 2rem;
    color: var(--dt-text);
    background: var(--dt-neutral-bg);
    text-align: start;
  }
  .trigger:hover,
  .trigger[aria-expanded='true'] {
    color: var(--dt-text);
    background: var(--dt-neutral-bg);
    border-color: var(--dt-text-weak);
  }
  .trigger.onBreak,
  .trigger.pausing,
  .trigger.unreachable,
  .trigger.platformLost {
    background: var(--dt-warning-bg);
  }
  .trigger.inCall,
  .trigger.dialing,
  .trigger.ringing,
  .trigger.onHold {
    background: var(--dt-brand-light);
  }
  /* The timer and the chevron, at the end of the button: on the status's line, or together on the next. */
  .trail {
    display: flex;
    flex: none;
    align-items: center;
    gap: var(--dt-space-2);
    margin-left: auto;
  }
  .timer {
    flex: none;
    font-variant-numeric: tabular-nums;
    font-weight: 400;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: var(--dt-space-1);
    min-width: 0;
    padding: var(--dt-space-1) 0;
    font-weight: 700;
    color: var(--dt-text);
    overflow-wrap: anywhere;
  }
  /* Without the button (logged out, logging in or out) the pill stands alone, in its colour. */
  :host > .pill {
    border-radius: 1rem;
    padding: 0 var(--dt-space-2);
    background: var(--dt-neutral-bg);
  }
  .pill.ready .dot,
  .pill.inCampaign .dot {
    background: var(--dt-success);
  }
  .pill.onBreak .dot,
  .pill.pausing .dot {
    background: var(--dt-warning);
  }
  .pill.inCall .dot,
  .pill.dialing .dot,
  .pill.ringing .dot {
    background: var(--dt-brand);
  }
  .pill.unreachable .dot,
  .pill.platformLost .dot {
    background: var(--dt-error);
  }
  .menu {
    position: absolute;
    top: calc(100% + 2px);
    left: 0;
    z-index: 10;
    box-sizing: border-box;
    width: max-content;
    min-width: 12rem;
    /* Inside the panel whatever its width (the header's padding on each side). */
    max-width: calc(100vw - 2 * var(--dt-space-3));
    max-height: calc(100vh - 6rem);
    overflow-y: auto;
    padding: var(--dt-space-1) 0;
    border: 1px solid var(--dt-border);
    border-radius: var(--dt-radius);
    background: var(--dt-surface);
    box-shadow: 0 2px 3px rgb(0 0 0 / 16%);
  }
  .group-title {
    padding: var(--dt-space-2) var(--dt-space-3) var(--dt-space-1);
    font-size: 0.75rem;
    font-weight: 700;
    color: var(--dt-text-weak);
  }
  .separator {
    margin: var(--dt-space-1) 0;
    border-top: 1px solid var(--dt-border);
  }
  .item {
    display: flex;
    align-items: flex-start;
    gap: var(--dt-space-2);
    width: 100%;
    border: none;
    border-radius: 0;
    padding: var(--dt-space-1) var(--dt-space-3);
    line-height: 1.5;
    text-align: start;
    color: var(--dt-text);
    background: transparent;
  }
  .item:hover,
  .item:focus {
    outline: none;
    background: var(--dt-surface-alt);
    color: var(--dt-text);
    box-shadow: none;
  }
  .item:focus-visible {
    box-shadow: inset 0 0 0 2px var(--dt-focus);
  }
  .item[aria-disabled='true']:not([aria-checked='true']) {
    cursor: default;
    color: var(--dt-text-weak);
  }
  .item[aria-checked='true'] {
    font-weight: 700;
    cursor: default;
  }
  .mark {
    display: inline-flex;
    width: 0.875rem;
    flex: none;
    padding-top: 0.1875rem;
    color: var(--dt-brand);
  }
  .text {
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
