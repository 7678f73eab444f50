import type { IncomingMessage } from 'node:http';
import { BadRequestError, readJsonBody, sendJson } from '../../shared/http.ts';
import { Router } from '../../shared/router.ts';
import { parseSoftphoneLayout } from '../layout/softphone-layout.ts';
import { INJECTION_KINDS, type InjectionKind } from '../opencti/error-injection.ts';
import { viewForScreenPop } from '../opencti/pop-methods.ts';
import { insertRecord, updateRecord } from '../records/dml.ts';
import { isSObjectName, SOBJECT_NAMES } from '../records/schema.ts';
import { clickPhoneField, recreateFrame, setPanelVisible } from '../state/console-actions.ts';
import type { LightningEmulator } from '../state/emulator.ts';
import { appViewInfo, viewFromPath, type HostView } from '../views/host-view.ts';
import { controlState } from './state-report.ts';

/**
 * The control API tests drive the emulator with (JSON over HTTP under `/__control`). Calls that
 * change what a tab shows or deliver events resolve after the page applied them. Every endpoint
 * is listed in docs/dev-lightning.md.
 */
export function controlRoutes(emulator: LightningEmulator): Router {
  const router = new Router();
  const tabOf = (url: URL) => emulator.tab(url.searchParams.get('tab') ?? undefined);

  router.get('/__control/state', (_req, res, _p, url) => sendJson(res, 200, controlState(emulator, url.searchParams.get('tab') ?? undefined)));

  router.post('/__control/reset', async (_req, res) => {
    emulator.reset();
    await Promise.all([...emulator.tabs.values()].filter((t) => t.stream).map((t) => emulator.push(t)));
    sendJson(res, 200, { ok: true });
  });

  router.get('/__control/log', (_req, res, _p, url) => {
    const method = url.searchParams.get('method');
    const since = Number(url.searchParams.get('since') ?? 0);
    const requests = emulator.log.requests.filter((r) => (method === null || r.methodName === method) && r.seq > since);
    sendJson(res, 200, { requests });
  });

  router.get('/__control/events', (_req, res, _p, url) => {
    const method = url.searchParams.get('method');
    sendJson(res, 200, { events: emulator.log.events.filter((e) => method === null || e.methodName === method) });
  });

  router.get('/__control/settings', (_req, res) => sendJson(res, 200, emulator.callCenter.snapshot()));
  router.add('PUT', '/__control/settings', async (req, res) => {
    const { settings } = await objectBody(req);
    emulator.callCenter.replaceSettings(stringMap(settings, 'settings', false) as Record<string, string>);
    sendJson(res, 200, emulator.callCenter.snapshot());
  });
  router.add('PATCH', '/__control/settings', async (req, res) => {
    const { values } = await objectBody(req);
    emulator.callCenter.setValues(stringMap(values, 'values', true));
    sendJson(res, 200, emulator.callCenter.snapshot());
  });
  router.add('PUT', '/__control/call-center-xml', async (req, res) => {
    const { xml, source } = await objectBody(req);
    if (typeof xml !== 'string') throw new BadRequestError(`xml must be the definition file's text; received ${typeof xml}`);
    const imported = emulator.callCenter.importXml(xml, typeof source === 'string' ? source : 'control API');
    sendJson(res, imported ? 200 : 422, emulator.callCenter.snapshot());
  });

  router.get('/__control/layout', (_req, res) => sendJson(res, 200, emulator.layout));
  router.add('PUT', '/__control/layout', async (req, res) => {
    emulator.layout = parseSoftphoneLayout(await readJsonBody(req), 'the control API');
    sendJson(res, 200, emulator.layout);
  });

  router.get('/__control/records', (_req, res, _p, url) => {
    const object = url.searchParams.get('object');
    if (object !== null && !isSObjectName(object)) throw new BadRequestError(`object must be one of ${SOBJECT_NAMES.join(', ')}; received ${JSON.stringify(object)}`);
    sendJson(res, 200, { records: emulator.records.list(object ?? undefined) });
  });
  router.get('/__control/tasks', (_req, res) => sendJson(res, 200, { records: emulator.records.list('Task') }));
  router.get('/__control/records/:id', (_req, res, { id = '' }) => {
    const record = emulator.records.get(id);
    if (record) sendJson(res, 200, record);
    else sendJson(res, 404, { error: `No record with id ${JSON.stringify(id)}` });
  });
  router.post('/__control/records', async (req, res) => {
    const { objectName, fields } = await objectBody(req);
    if (!isSObjectName(objectName)) throw new BadRequestError(`objectName must be one of ${SOBJECT_NAMES.join(', ')}; received ${JSON.stringify(objectName)}`);
    const result = insertRecord(emulator.records, objectName, objectOf(fields, 'fields'));
    if (result.ok) sendJson(res, 201, result.record);
    else sendJson(res, 422, { errors: result.errors });
  });
  /** Org validation rules: every save of `objectName` is refused with `message` (until DELETE or reset). */
  router.post('/__control/validation-rule', async (req, res) => {
    const { objectName, message } = await objectBody(req);
    if (!isSObjectName(objectName)) throw new BadRequestError(`objectName must be one of ${SOBJECT_NAMES.join(', ')}; received ${JSON.stringify(objectName)}`);
    if (typeof message !== 'string' || message.trim() === '') throw new BadRequestError(`message must be the rule's error text; received ${JSON.stringify(message)}`);
    emulator.records.validationRules.push({ objectName, message });
    sendJson(res, 200, { rules: emulator.records.validationRules });
  });
  router.add('DELETE', '/__control/validation-rule', (_req, res) => {
    emulator.records.validationRules.length = 0;
    sendJson(res, 200, { rules: [] });
  });
  router.add('PATCH', '/__control/records/:id', async (req, res, { id }) => {
    const { fields } = await objectBody(req);
    const result = updateRecord(emulator.records, id, objectOf(fields, 'fields'));
    if (result.ok) sendJson(res, 200, result.record);
    else sendJson(res, 422, { errors: result.errors });
  });

  router.post('/__control/navigate', async (req, res, _p, url) => {
    const tab = tabOf(url);
    const { path, type, params } = await objectBody(req);
    let view: HostView | undefined;
    if (typeof path === 'string') {
      view = viewFromPath(path);
      if (!view) throw new BadRequestError(`Not a console path the emulator renders: ${JSON.stringify(path)}`);
    } else {
      const target = viewForScreenPop(type, params, tab.view);
      if ('success' in target) throw new BadRequestError(JSON.stringify(target.errors));
      view = target;
    }
    emulator.navigate(tab, view);
    await emulator.push(tab);
    sendJson(res, 200, { appViewInfo: appViewInfo(tab.view, tab.origin, emulator.records) });
  });

  router.post('/__control/click-to-dial', async (req, res, _p, url) => {
    const tab = tabOf(url);
    const { recordId, field } = await objectBody(req);
    const result = clickPhoneField(emulator, tab, recordId, field);
    await emulator.push(tab);
    sendJson(res, 200, result);
  });

  router.post('/__control/fire', async (req, res, _p, url) => {
    const tab = tabOf(url);
    const { methodName, payload, eventName } = await objectBody(req);
    if (typeof methodName !== 'string') throw new BadRequestError('methodName must name the listener method, e.g. "onClickToDial"');
    const delivered = tab.emit(methodName, payload ?? null, typeof eventName === 'string' ? eventName : undefined);
    await emulator.push(tab);
    sendJson(res, 200, { delivered });
  });

  router.post('/__control/lms/publish', async (req, res) => {
    const { channel, message } = await objectBody(req);
    if (typeof channel !== 'string' || channel === '') throw new BadRequestError('channel must be a message channel API name');
    emulator.org.publish(channel, message ?? null);
    const tabs = [...emulator.tabs.values()].filter((t) => t.stream);
    await Promise.all(tabs.map((t) => emulator.push(t)));
    sendJson(res, 200, { ok: true });
  });

  router.get('/__control/inject', (_req, res) => sendJson(res, 200, { injections: emulator.injections.list() }));
  router.post('/__control/inject', async (req, res) => {
    const { methodName, kind, count, description, execute, delayMs } = await objectBody(req);
    if (typeof methodName !== 'string' || methodName === '') throw new BadRequestError('methodName must name an Open CTI method, or "*" for any');
    if (!INJECTION_KINDS.includes(kind as InjectionKind)) throw new BadRequestError(`kind must be one of ${INJECTION_KINDS.join(', ')}; received ${JSON.stringify(kind)}`);
    const remaining = count === undefined ? 1 : count;
    if (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 1) throw new BadRequestError(`count must be a positive integer; received ${JSON.stringify(count)}`);
    emulator.injections.add({
      methodName,
      kind: kind as InjectionKind,
      remaining,
      ...(typeof description === 'string' ? { description } : {}),
      ...(execute === true ? { execute: true } : {}),
      ...(typeof delayMs === 'number' && Number.isInteger(delayMs) && delayMs > 0 ? { delayMs } : {}),
    });
    sendJson(res, 200, { injections: emulator.injections.list() });
  });
  router.add('DELETE', '/__control/inject', (_req, res) => {
    emulator.injections.clear();
    sendJson(res, 200, { injections: [] });
  });

  router.post('/__control/frame/recreate', async (_req, res, _p, url) => {
    const tab = tabOf(url);
    const extra = recreateFrame(emulator, tab);
    await emulator.push(tab, extra);
    sendJson(res, 200, { frame: tab.frame, adapterUrl: emulator.adapterUrl() });
  });

  router.post('/__control/panel', async (req, res, _p, url) => {
    const tab = tabOf(url);
    const { visible } = await objectBody(req);
    if (typeof visible !== 'boolean') throw new BadRequestError('visible must be true or false');
    setPanelVisible(tab, visible);
    await emulator.push(tab);
    sendJson(res, 200, { panel: tab.panel });
  });

  return router;
}

async function objectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return objectOf(await readJsonBody(req), 'body');
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError(`${what} must be a JSON object; received ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

function stringMap(value: unknown, what: string, nullable: boolean): Record<string, string | null> {
  const map = objectOf(value, what);
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string' && !(nullable && v === null)) {
      throw new BadRequestError(`${what}[${JSON.stringify(key)}] must be a string${nullable ? ' or null' : ''}; received ${JSON.stringify(v)}`);
    }
  }
  return map as Record<string, string | null>;
}

/** Maps errors from the emulator to HTTP statuses for the control API. */
export function errorStatus(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  if (error instanceof Error && 'code' in error && error.code === 'LAYOUT_INVALID') return 422;
  return 500;
}

