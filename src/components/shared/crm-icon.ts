import { svg } from 'lit';
import { icon as salesforceIcon } from './slds-icons/salesforce1.ts';

/**
 * The "found in Salesforce" source mark (the seed's CRM icon): SLDS's `salesforce1` cloud in the
 * brand colour (./slds-icon.ts explains how icons are shipped). `label` is its accessible name, so
 * a screen reader says where the record came from.
 */
export function crmSourceIcon(label: string) {
  return svg`<svg class="crm-icon" data-testid="crm-source-icon" data-icon=${salesforceIcon.name} role="img" aria-label=${label} viewBox=${salesforceIcon.viewBox} width="16" height="16" focusable="false">
    <title>${label}</title>
    ${salesforceIcon.paths.map((d) => svg`<path fill="var(--dt-brand)" d=${d}></path>`)}
  </svg>`;
}
