import { BadRequestError, readJsonBody, sendJson } from '../shared/http.ts';
import { Router } from '../shared/router.ts';
import { cancelNewRecord, clickPhoneField, saveNewRecord, setPanelVisible, switchToStandby } from './state/console-actions.ts';
import type { LightningEmulator } from './state/emulator.ts';
import type { TabStreams } from './state/tab-streams.ts';
import { viewFromPath } from './views/host-view.ts';
import type { BootInfo } from './views/rendered.ts';

/** How long a tab whose page went away is kept for inspection before it is forgotten. */
const CLOSED_TAB_GRACE_MS = 60_000;

/**
 * Endpoints the host page (the browser side of the console) talks to: register a tab, stream
 * pushes, forward the adapter's messages, and report what the person did.
 */
export function hostRoutes(emulator: LightningEmulator, streams: TabStreams): Router {
  const router = new Router();
  const body = async (req: Parameters<typeof readJsonBody>[0]): Promise<Record<string, unknown>> => {
    const value = await readJsonBody(req);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('Expected a JSON object body');
    return value as Record<string, unknown>;
  };

  router.post('/__host/tabs', async (req, res) => {
    const { origin, path } = await body(req);
    if (typeof origin !== 'string' || !/^https?:\/\//.test(origin)) throw new BadRequestError(`origin must be the page's location.origin; received ${JSON.stringify(origin)}`);
    const tab = emulator.openTab(origin, (typeof path === 'string' ? viewFromPath(path) : undefined) ?? { kind: 'home' });
    const boot: BootInfo = { tabId: tab.id, frame: tab.frame, adapterUrl: emulator.adapterUrl(), standby: emulator.standby(), update: emulator.update(tab, []) };
    sendJson(res, 201, boot);
  });

  router.get('/__host/tabs/:tab/events', (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    streams.attach(tab, res, () => {
      setTimeout(() => {
        if (!tab.stream) emulator.closeTab(tab.id);
      }, CLOSED_TAB_GRACE_MS).unref();
    });
    req.on('error', () => res.end());
  });

  router.post('/__host/tabs/:tab/acks', async (req, res) => {
    const { seq } = await body(req);
    if (typeof seq === 'number') streams.ack(seq);
    sendJson(res, 200, { ok: true });
  });

  router.post('/__host/tabs/:tab/messages', async (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const { frame, data } = await body(req);
    sendJson(res, 200, emulator.handleMessage(tab, typeof frame === 'number' ? frame : -1, data));
  });

  router.post('/__host/tabs/:tab/navigate', async (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const { path } = await body(req);
    const view = typeof path === 'string' ? viewFromPath(path) : undefined;
    if (!view) throw new BadRequestError(`Not a console path the emulator renders: ${JSON.stringify(path)}`);
    emulator.navigate(tab, view);
    sendJson(res, 200, emulator.update(tab, tab.drain()));
  });

  router.post('/__host/tabs/:tab/click-to-dial', async (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const { recordId, field } = await body(req);
    clickPhoneField(emulator, tab, recordId, field);
    sendJson(res, 200, emulator.update(tab, tab.drain()));
  });

  router.post('/__host/tabs/:tab/panel', async (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const { visible } = await body(req);
    setPanelVisible(tab, visible === true);
    sendJson(res, 200, emulator.update(tab, tab.drain()));
  });

  router.post('/__host/tabs/:tab/new-record', async (req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const { values } = await body(req);
    saveNewRecord(emulator, tab, values);
    sendJson(res, 200, emulator.update(tab, tab.drain()));
  });

  router.post('/__host/tabs/:tab/new-record/cancel', (_req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    cancelNewRecord(emulator, tab);
    sendJson(res, 200, emulator.update(tab, tab.drain()));
  });

  router.post('/__host/tabs/:tab/standby', (_req, res, { tab: tabId }) => {
    const tab = emulator.tab(tabId);
    const extra = switchToStandby(emulator, tab);
    sendJson(res, 200, { ...emulator.update(tab, []), ...extra });
  });

  return router;
}
