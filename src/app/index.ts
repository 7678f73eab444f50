export { SoftphoneApp, startSoftphone } from './softphone-app.ts';
export type { SoftphoneAppOptions } from './softphone-app.ts';
export { isPhoneLinkPage, runPhoneLinkPage } from './phone-links.ts';
