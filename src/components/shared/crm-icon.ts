import { svg } from 'lit';

/**
 * The "found in Salesforce" source mark (the seed's CRM icon): a cloud drawn inline, since the
 * panel does not ship SLDS's icon sprites (src/components/slds.styles.ts). `label` is its
 * accessible name, so a screen reader says where the record came from.
 */
export function crmSourceIcon(label: string) {
  return svg`<svg class="crm-icon" data-testid="crm-source-icon" role="img" aria-label=${label} viewBox="0 0 24 16" width="20" height="14" focusable="false">
    <title>${label}</title>
    <path fill="#0176d3" d="M10 1.5a4.6 4.6 0 0 1 3.9 2.1 3.9 3.9 0 0 1 5.4 2.6 4 4 0 0 1-.7 7.9H5.2a4.2 4.2 0 0 1-1-8.3A4.6 4.6 0 0 1 10 1.5z"/>
  </svg>`;
}
