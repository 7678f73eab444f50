/**
 * The phone window page (`?phone-window=<call center>`, docs/phone-window.md): the same softphone as
 * the panel, booted without Salesforce around it. Its Open CTI is the panels' (PhoneWindowHost), so
 * the settings, the Task log and the screen pops still run in Salesforce; its session publishes to
 * every panel and takes their clicks.
 */
import { loadMessages } from '../i18n/lazy.ts';
import { OpenCti } from '../opencti/index.ts';
import { PhoneWindowHost } from './phone-window-host.ts';
import { PHONE_WINDOW_PARAM } from './phone-window-protocol.ts';
import { startSoftphone, type SoftphoneApp } from './softphone-app.ts';

/** Starts the phone window's softphone under `root`. */
export function startPhoneWindow(root: HTMLElement, search: string): SoftphoneApp {
  const callCenter = new URLSearchParams(search).get(PHONE_WINDOW_PARAM) ?? '';
  const host = new PhoneWindowHost(callCenter);
  const api = new OpenCti(host.openCti());
  const app = startSoftphone(root, {
    // The settings come from the first panel that answers; until then the window shows "booting".
    connect: () => Promise.resolve({ mode: 'salesforce', api, origin: location.origin, apiVersion: 0 }),
    phoneWindowPage: host,
    onSession: (session) => host.attach({ start: (kit) => session.adopt(kit), intent: (intent) => session.send(intent) }),
  });
  // The window's title in the agent's language (the taskbar shows it).
  const title = () => {
    const language = app.state.language;
    document.documentElement.lang = language;
    loadMessages(language).then(
      (m) => {
        if (app.state.language === language) document.title = m.phoneWindow.windowTitle;
      },
      () => undefined, // the shell says the catalogue failed; the title keeps its last text
    );
  };
  title();
  app.subscribe(title);
  return app;
}
