/**
 * Lets the Lightning console emulator show an org set up by `dialtone-admin`: each time a deploy
 * saves the call center in the stand-in, its settings become the console's call-center values
 * (what Salesforce serves `getCallCenterSettings` after the admin's deploy). Used by
 * `npm start -- --salesforce-port N`.
 */
import { parser } from './components.ts';
import type { Org } from './org.ts';

interface Section { name?: string; items?: { name?: string; value?: string }[] }

/** The settings map of a deployed CallCenter (`/section/item` → value), as the softphone reads it. */
export function callCenterSettings(org: Org, internalName: string): Record<string, string> | undefined {
  const entry = org.metadata.get(`CallCenter/${internalName}`);
  if (!entry) return undefined;
  const root = (parser.parse(entry.text) as { CallCenter?: { adapterUrl?: string; displayName?: string; sections?: Section[] } }).CallCenter ?? {};
  const out: Record<string, string> = { '/reqGeneralInfo/reqInternalName': internalName };
  if (root.displayName) out['/reqGeneralInfo/reqDisplayName'] = root.displayName;
  for (const section of root.sections ?? []) for (const item of section.items ?? []) out[`/${section.name ?? ''}/${item.name ?? ''}`] = item.value ?? '';
  if (root.adapterUrl) out['/reqGeneralInfo/reqAdapterUrl'] = root.adapterUrl;
  return out;
}

/** Calls `apply` with the call center's settings after every deploy that saved it. */
export function followCallCenter(org: Org, apply: (settings: Record<string, string>) => void): void {
  org.onSaved.push((key) => {
    if (!key.startsWith('CallCenter/')) return;
    const settings = callCenterSettings(org, key.slice('CallCenter/'.length));
    if (settings) apply(settings);
  });
}
