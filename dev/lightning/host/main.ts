import type { HostUpdate } from '../views/rendered.ts';
import { AdapterFrame } from './adapter-frame.ts';
import { HostApi } from './host-api.ts';
import { renderChrome, type ChromeElements } from './render-chrome.ts';
import { renderMain, type MainActions } from './render-main.ts';

/**
 * The console page: boots a tab on the emulator server, frames the adapter in the utility
 * panel, forwards the adapter's Open CTI requests one at a time (in the order they were posted),
 * and applies every update — from a reply, a click, or a push from the control API.
 */

const api = new HostApi();
const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`host page: #${id} is missing from index.html`);
  return el;
};
const main = byId('main');
const chromeElements: ChromeElements = {
  banners: byId('banners'),
  panel: byId('utility-panel'),
  panelHeader: byId('utility-panel-header'),
  utilityItem: byId('utility-item') as HTMLButtonElement,
};
let queue: Promise<unknown> = Promise.resolve();
let standbyTimer: number | undefined;
let initializationComplete = false;

const frame = new AdapterFrame(byId('utility-panel-body'), (generation, data) => {
  if (data.methodName === 'notifyInitializationComplete') initializationComplete = true;
  enqueue(() => api.tab('messages', { frame: generation, data }), generation);
});

const actions: MainActions = {
  navigate: (path) => enqueue(() => api.tab('navigate', { path })),
  clickToDial: (recordId, field) => enqueue(() => api.tab('click-to-dial', { recordId, field })),
  saveNewRecord: (values) => enqueue(() => api.tab('new-record', { values })),
  cancelNewRecord: () => enqueue(() => api.tab('new-record/cancel')),
};

/** Runs server calls strictly one after another, so replies reach the adapter in request order. */
function enqueue(call: () => Promise<HostUpdate>, generation = frame.generation): void {
  queue = queue
    .then(call)
    .then((update) => apply(update, generation))
    .catch((error: unknown) => console.error('host page:', error));
}

function apply(update: HostUpdate, generation = frame.generation): void {
  if (update.recreateFrame) {
    initializationComplete = false;
    frame.load(update.recreateFrame.frame, update.recreateFrame.adapterUrl);
    startStandbyTimer(update.recreateFrame.standby);
  }
  renderChrome(chromeElements, update.chrome, (visible) => enqueue(() => api.tab('panel', { visible })));
  renderMain(main, update.view, update.chrome.clickToDialEnabled, actions);
  document.title = `${update.view.title} | Salesforce`;
  if (location.pathname + location.search !== update.view.path) history.replaceState(null, '', update.view.path);
  frame.post(generation, update.messages);
}

function startStandbyTimer(standby: { timeoutMs: number } | null): void {
  window.clearTimeout(standbyTimer);
  if (!standby) return;
  standbyTimer = window.setTimeout(() => {
    if (!initializationComplete) enqueue(() => api.tab('standby'));
  }, standby.timeoutMs);
}

function wireHeader(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-path]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      actions.navigate(link.dataset.path ?? '/lightning/page/home');
    });
  }
  const search = document.getElementById('global-search') as HTMLFormElement | null;
  search?.addEventListener('submit', (event) => {
    event.preventDefault();
    const term = new FormData(search).get('q');
    if (typeof term === 'string' && term.trim().length >= 3) actions.navigate(`/lightning/search?searchInput=${encodeURIComponent(term.trim())}`);
  });
}

async function boot(): Promise<void> {
  wireHeader();
  const info = await api.boot();
  frame.load(info.frame, info.adapterUrl);
  apply(info.update, info.frame);
  startStandbyTimer(info.standby);
  const events = api.events();
  events.onmessage = (event: MessageEvent<string>) => {
    const { seq, update } = JSON.parse(event.data) as { seq: number; update: HostUpdate };
    queue = queue
      .then(() => {
        apply(update);
        return api.ack(seq);
      })
      .catch((error: unknown) => console.error('host page:', error));
  };
  events.onopen = () => {
    document.body.dataset.connected = 'true';
  };
}

boot().catch((error: unknown) => {
  document.body.dataset.bootError = String(error);
  console.error('host page failed to start:', error);
});
