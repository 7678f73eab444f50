import { describe, expect, it } from 'vitest';
import { causeOf, isBlocking, MAX_NOTICES, placeNotice, showNotice } from '../../src/app/notice-policy.ts';
import type { ShownNotice } from '../../src/view/agent-view.ts';

describe('notice policy', () => {
  it('replaces the notice of the same condition in place, keeping its id, instead of stacking', () => {
    const lost = showNotice(1, 'neoApiDegraded', 'warning', 'Position: socket hang up', 10);
    const other = showNotice(2, 'dialFailed', 'error', null, 11);
    const { notices, placed } = placeNotice([lost, other], showNotice(3, 'neoApiRecovered', 'info', null, 12));
    expect(notices.map((n) => n.notice)).toEqual(['neoApiRecovered', 'dialFailed']);
    expect(placed.id, 'the screen reader region and focus stay on one element').toBe(1);
  });

  it('keeps at most MAX_NOTICES, dropping the oldest', () => {
    let list: readonly ShownNotice[] = [];
    const codes = ['dialFailed', 'operationFailed', 'sipActionFailed', 'callRejectedBusy', 'callEndedByPlatform'] as const;
    codes.forEach((code, i) => {
      list = placeNotice(list, showNotice(i + 1, code, 'warning', null, i)).notices;
    });
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list[0]?.notice).toBe('operationFailed');
  });

  it('recognises the SIP cause of a failed login from the adapter code, and nothing else', () => {
    expect(causeOf('loginFailed', 'auth-failed: REGISTER of sip:1001@pbx was refused with 401')).toBe('sipPassword');
    expect(causeOf('loginFailed', 'device-not-found: REGISTER of sip:1009@pbx was refused with 404')).toBe('sipDevice');
    expect(causeOf('phoneRegistrationFailed', 'register-timeout: no answer')).toBe('sipUnreachable');
    expect(causeOf('loginFailed', 'phone unregistered')).toBeUndefined();
    expect(causeOf('tabsNotShared', 'auth-failed: x')).toBeUndefined();
  });

  it('blocks for what stops the agent working, never for info', () => {
    expect(isBlocking('loginFailed', 'error')).toBe(true);
    expect(isBlocking('microphoneDenied', 'error')).toBe(true);
    expect(isBlocking('neoApiDegraded', 'warning')).toBe(true);
    expect(isBlocking('neoApiRecovered', 'info')).toBe(false);
    expect(isBlocking('dialFailed', 'error')).toBe(false);
  });
});
