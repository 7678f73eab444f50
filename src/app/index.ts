export { SoftphoneApp, startSoftphone } from './softphone-app.ts';
export type { SoftphoneAppOptions } from './softphone-app.ts';
export { isPhoneLinkPage } from './phone-links.ts';
export { isPhoneWindowPage } from './phone-window-protocol.ts';
