import { describe, expect, it } from 'vitest';
import { INTENT_PLACES, intentTable, type IntentHandlerParts } from '../../src/app/intent-handlers.ts';
import { destinationOf, type IntentDestination, type PageRole } from '../../src/app/intent-table.ts';
import type { SoftphoneIntentKind } from '../../src/view/agent-view.ts';

/**
 * Written out here, not read from the table: the kinds about the clicked page itself (its utility
 * panel, its phone-window bar, its speaker and microphone checks, its Salesforce tab).
 */
const ABOUT_THIS_PAGE: readonly SoftphoneIntentKind[] = ['setPanelSize', 'phoneWindow', 'recheckHealth', 'playTestTone', 'showInCrm', 'registerPhoneLinks'];
/** The browser prompts where the agent clicked; a phone window holds its own permission. */
const MICROPHONE_PROMPT: readonly SoftphoneIntentKind[] = ['requestMicrophone'];

const OWNER: PageRole = { windowRunsPhone: false, follower: false };
const FOLLOWER: PageRole = { windowRunsPhone: false, follower: true };
const PANEL_WITH_WINDOW: PageRole = { windowRunsPhone: true, follower: false };
const FOLLOWER_WITH_WINDOW: PageRole = { windowRunsPhone: true, follower: true };

/** What the test expects for `kind` from a page in `role`. */
function expected(kind: SoftphoneIntentKind, role: PageRole): IntentDestination {
  if (ABOUT_THIS_PAGE.includes(kind)) return 'here';
  if (role.windowRunsPhone) return 'phoneWindow';
  if (MICROPHONE_PROMPT.includes(kind)) return 'here';
  return role.follower ? 'ownerTab' : 'here';
}

/** The table as the session builds it; its handlers are not run here. */
const table = intentTable({ warn: () => undefined } as unknown as IntentHandlerParts);
const kinds = Object.keys(INTENT_PLACES) as SoftphoneIntentKind[];

describe('where each intent runs (the intent table\'s place of each kind)', () => {
  it.each([
    ['the tab that owns the phone', OWNER],
    ['a follower tab', FOLLOWER],
    ['a panel whose phone runs in the phone window', PANEL_WITH_WINDOW],
    ['a follower panel while the phone window runs the phone', FOLLOWER_WITH_WINDOW],
  ])('sends every kind from %s to the page that must run it', (_who, role) => {
    const routed = Object.fromEntries(kinds.map((kind) => [kind, destinationOf(table.placeOf(kind), role)]));
    const wanted = Object.fromEntries(kinds.map((kind) => [kind, expected(kind, role)]));
    expect(routed).toEqual(wanted);
  });

  it('relays the calls, the session and the desks from a follower tab to the owner tab', () => {
    for (const kind of ['answer', 'hangUp', 'login', 'dial', 'clickToDial', 'categorise', 'monitorStart', 'retryFailedLog', 'setLanguage', 'directorySearch'] as const) {
      expect(destinationOf(table.placeOf(kind), FOLLOWER), kind).toBe('ownerTab');
    }
  });

  it('keeps the panel size, Show in CRM, phone links and the health checks in the page that was clicked, even with a phone window', () => {
    for (const kind of ABOUT_THIS_PAGE) {
      expect(destinationOf(table.placeOf(kind), FOLLOWER_WITH_WINDOW), kind).toBe('here');
    }
  });

  it('asks for the microphone in the phone window when one runs the phone, else in the clicked tab (never the owner tab)', () => {
    expect(destinationOf(table.placeOf('requestMicrophone'), FOLLOWER)).toBe('here');
    expect(destinationOf(table.placeOf('requestMicrophone'), PANEL_WITH_WINDOW)).toBe('phoneWindow');
  });

  it('keeps a kind it does not know here, where dispatching reports it, instead of relaying it on', () => {
    expect(table.placeOf('teleport')).toBe('here');
    expect(table.placeOf('toString')).toBe('here');
    expect(() => table.dispatch({ kind: 'teleport' } as never)).toThrow('No handler for the intent "teleport"');
  });
});
