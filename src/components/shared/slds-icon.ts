import { css, svg } from 'lit';

/**
 * One SLDS utility icon's drawing, as scripts/slds-icons.ts extracts it from
 * @salesforce-ux/design-system into `./slds-icons/<name>.ts` (one module per icon, so each lands
 * in the chunk that draws it; the sprite is never shipped).
 */
export interface SldsIconData {
  readonly name: string;
  readonly viewBox: string;
  readonly paths: readonly string[];
}

/**
 * An SLDS utility icon, decorative: hidden from assistive tech (`aria-hidden`), so the control or
 * text beside it keeps the accessible name. It takes the text colour (`currentColor`) and the
 * text's size unless `.slds-icon` is sized by the component.
 */
export function sldsIcon(icon: SldsIconData, extraClass = '') {
  return svg`<svg class="slds-icon ${extraClass}" data-icon=${icon.name} aria-hidden="true" focusable="false" viewBox=${icon.viewBox}>${icon.paths.map((d) => svg`<path d=${d}></path>`)}</svg>`;
}

/**
 * An SLDS utility icon that is itself the information (no text beside it): `role="img"` with
 * `label` as its accessible name and tooltip.
 */
export function sldsLabelledIcon(icon: SldsIconData, label: string, extraClass = '') {
  return svg`<svg class="slds-icon ${extraClass}" data-icon=${icon.name} role="img" aria-label=${label} focusable="false" viewBox=${icon.viewBox}><title>${label}</title>${icon.paths.map((d) => svg`<path d=${d}></path>`)}</svg>`;
}

/** SLDS's "x-small" utility icon (0.875rem) inline with text, in the text's colour. */
export const sldsIconStyles = css`
  .slds-icon {
    width: 0.875rem;
    height: 0.875rem;
    flex: none;
    fill: currentColor;
    vertical-align: -0.125rem;
  }
`;
