/**
 * Composition root of the adapter page: provide the app to the component tree, then mount the
 * shell (after the provider exists, so the shell's context request is answered at once).
 * The same page opened with `?link=` is the handler of a clicked tel:/sip:/callto: link
 * (docs/phone-links.md): it hands the number to the tab that owns the phone and says what happened.
 */
import { isPhoneLinkPage, isPhoneWindowPage, startSoftphone } from './app/index.ts';
import { resolveLanguage } from './i18n/index.ts';
import { loadMessages } from './i18n/lazy.ts';
import './components/softphone-shell/softphone-shell.ts';

if (isPhoneLinkPage(location.search)) {
  // Its own chunks: the softphone never loads them, the link page loads nothing else of note.
  void Promise.all([import('./app/phone-link-page.ts'), import('./i18n/link-page-messages.ts'), import('./components/phone-link-page/phone-link-page.ts')]).then(([{ runPhoneLinkPage }, { linkPageMessagesFor }]) => {
    // No call-center settings here (this page is not inside Salesforce): the browser's language.
    const language = resolveLanguage(undefined, navigator.languages);
    const page = document.createElement('dialtone-phone-link-page');
    page.messages = linkPageMessagesFor(language);
    document.documentElement.lang = language;
    document.title = page.messages.linkPageTitle;
    document.body.append(page);
    return runPhoneLinkPage(location.search, (state) => {
      page.link = state.link;
      page.number = state.number;
      page.status = state.status;
    });
  });
} else if (isPhoneWindowPage(location.search)) {
  // The phone window (docs/phone-window.md): the softphone itself, outside Salesforce's frame.
  void import('./app/phone-window-page.ts').then(({ startPhoneWindow }) => {
    startPhoneWindow(document.body, location.search);
    document.body.append(document.createElement('dialtone-softphone'));
  });
} else {
  // The browser's language catalogue is fetched beside the Open CTI boot, so the first screen
  // rarely waits for it (the call center's language setting, when different, follows).
  loadMessages(resolveLanguage(undefined, navigator.languages)).catch(() => undefined);
  startSoftphone(document.body);
  document.body.append(document.createElement('dialtone-softphone'));
}
