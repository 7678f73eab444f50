/** `/dialtoneCalls/schedulingMethod`: which NeoApi method books a callback (docs/wrap-up.md). */
import { describe, expect, it } from 'vitest';
import { configFromSettings, validateConfig } from '../../src/config/config-from-settings.ts';
import { machineConfigFrom } from '../../src/app/machine-config.ts';
import { settingPath } from '../../src/config/settings-map.ts';
import { settingsWith } from './support.ts';

const PATH = settingPath('dialtoneCalls', 'schedulingMethod');

describe('schedulingMethod', () => {
  it('is UpdateContact in the shipped definition and when left empty or out', () => {
    expect(configFromSettings(settingsWith({})).crm.schedulingMethod).toBe('UpdateContact');
    expect(configFromSettings(settingsWith({ [PATH]: '' })).crm.schedulingMethod).toBe('UpdateContact');
    expect(configFromSettings(settingsWith({ [PATH]: undefined })).crm.schedulingMethod).toBe('UpdateContact');
  });

  it('accepts AddScheduleCall in any case and hands it to the machine', () => {
    const config = configFromSettings(settingsWith({ [PATH]: 'addschedulecall' }));
    expect(config.crm.schedulingMethod).toBe('AddScheduleCall');
    expect(machineConfigFrom(config).callbackBooking).toBe('separate');
  });

  it('refuses any other value, saying where, what was received and what is expected', () => {
    const result = validateConfig(settingsWith({ [PATH]: 'CloseContact' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ code: 'INVALID_SETTING', path: PATH, received: 'CloseContact', expected: 'one of UpdateContact, AddScheduleCall' })]);
  });
});
