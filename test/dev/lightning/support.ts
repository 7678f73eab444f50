import { readFileSync } from 'node:fs';
import { settingsFromCallCenterXml } from '../../../src/config/call-center-xml.ts';
import { readSoftphoneLayout } from '../../../dev/lightning/layout/softphone-layout.ts';
import { DEFAULT_FIXTURES, REPO_ROOT } from '../../../dev/lightning/options.ts';
import { readRecordsFixture } from '../../../dev/lightning/records/fixture.ts';
import { CallCenter } from '../../../dev/lightning/settings/call-center.ts';
import { LightningEmulator } from '../../../dev/lightning/state/emulator.ts';
import type { HostTab } from '../../../dev/lightning/state/host-tab.ts';
import type { OutgoingMessage } from '../../../dev/lightning/views/rendered.ts';

/** The repository's call-center definition, as an admin would import it. */
export const REAL_XML = readFileSync(`${REPO_ROOT}callcenter-definition.xml`, 'utf8');

/** Well-known fixture ids. */
export const IDS = {
  maria: '003Dt000HccIdlkIIC',
  joao: '003Dt000HdgmuK9III',
  lucia: '003Dt000HfplRQxIIM',
  martin: '003Dt000HguFhzMIIS',
  ana: '003Dt000HhyjyXlIII',
  hostileContact: '003Dt000Hj3EF6AIIW',
  gabriel: '003Dt000Hk7iVeZIIU',
  distribuidora: '001Dt000HccIdlkIIC',
  hostileAccount: '001Dt000HfplRQxIIM',
  sofia: '00QDt000HccHf4LMIS',
  michael: '00QDt000HelGCB9MIO',
  renovacion: '006Dt000HccJwhcIIC',
  firstTask: '00TDt000HccHf4LMIS',
} as const;

/** An emulator over the real fixtures and XML, with one open tab; no sockets. */
export function emulatorWithTab(overrides: Record<string, string> = {}): { emulator: LightningEmulator; tab: HostTab } {
  const emulator = new LightningEmulator({
    callCenter: () => {
      const callCenter = new CallCenter(settingsFromCallCenterXml, overrides);
      callCenter.importXml(REAL_XML, 'callcenter-definition.xml');
      return callCenter;
    },
    layout: readSoftphoneLayout(DEFAULT_FIXTURES.layout),
    records: readRecordsFixture(DEFAULT_FIXTURES.records),
  });
  const tab = emulator.openTab('https://acme.lightning.force.com', { kind: 'home' });
  return { emulator, tab };
}

let nextCallId = 0;

/**
 * Sends one request as the library would (callback registered unless `listener`) and returns the
 * messages the host posts back.
 */
export function send(
  emulator: LightningEmulator,
  tab: HostTab,
  methodName: string,
  args: Record<string, unknown> = {},
  options: { listener?: boolean; apiVersion?: unknown; callback?: boolean } = {},
): OutgoingMessage[] {
  const message = {
    methodName,
    callId: nextCallId++,
    apiVersion: options.apiVersion ?? 57,
    apiType: 'opencti',
    isCallbackRegistered: options.callback ?? options.listener !== true,
    isListenerRegistered: options.listener === true,
    args,
  };
  return emulator.handleMessage(tab, tab.frame, message).messages;
}

/** The callback response of a request (the first reply message). */
export function respond(emulator: LightningEmulator, tab: HostTab, methodName: string, args: Record<string, unknown> = {}): {
  success: boolean;
  returnValue: unknown;
  errors: { code: string; description: string; details?: unknown }[] | null;
} {
  const reply = send(emulator, tab, methodName, args).find((m) => m.shouldExecuteCallback);
  if (!reply) throw new Error(`No reply to ${methodName}`);
  return reply.response as ReturnType<typeof respond>;
}
