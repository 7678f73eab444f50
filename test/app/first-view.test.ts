/**
 * The login form is drawn from `loggedOutView` before the session's code arrives (softphone-app.ts),
 * and the session then draws its runtime's first view, `initialView(initialState(), …)`, whose
 * `can` is a dry run of the real machine. They must be the same view, or the panel would change
 * under the agent when the session takes over.
 */
import { describe, expect, it } from 'vitest';
import { loggedOutView } from '../../src/app/first-view.ts';
import { initialView } from '../../src/app/view-model.ts';
import { ALL_CAPABILITIES, initialState, type PlatformCapabilities } from '../../src/call/index.ts';
import { NEOTEL_CAPABILITIES } from '../../src/platforms/neotel/capabilities.ts';
import { shippedConfig } from '../support/shipped-config.ts';

const NO_CAMPAIGNS_OR_BREAKS: PlatformCapabilities = { ...ALL_CAPABILITIES, campaigns: false, breaks: false, queueTransfer: false, categorisation: false };

describe('the view drawn before the session starts', () => {
  const configs = {
    'as shipped': shippedConfig(),
    'with several campaigns and breaks, callbacks booked apart': shippedConfig({
      '/dialtoneAgent/campaigns': '97=SALESFORCE|12=Cobranzas|5=Encuestas',
      '/dialtoneAgent/breakTypes': '1=Descanso|2=Tiempo administrativo|12=Almuerzo|40=Baño',
      '/dialtoneCrm/schedulingMethod': 'AddScheduleCall',
      '/dialtoneAgent/rememberUser': 'false',
    }),
    'with no campaign listed': shippedConfig({ '/dialtoneAgent/campaigns': '' }),
  };
  const platforms = { Neotel: NEOTEL_CAPABILITIES, 'every capability': ALL_CAPABILITIES, 'no campaigns or breaks': NO_CAMPAIGNS_OR_BREAKS };

  for (const [configName, config] of Object.entries(configs)) {
    for (const [platformName, can] of Object.entries(platforms)) {
      it(`is the session's first view, the machine's own availability included (${configName}, ${platformName})`, () => {
        expect(loggedOutView(config, can)).toEqual(initialView(initialState(), config, can));
      });
    }
  }

  it('offers the login form nothing the machine would refuse: every call-card, break and campaign intent says "not logged in"', () => {
    const view = loggedOutView(configs['with several campaigns and breaks, callbacks booked apart'], NEOTEL_CAPABILITIES);
    expect(view.agent.phase).toBe('loggedOut');
    expect(Object.keys(view.can.pause)).toEqual(['1', '2', '12', '40']);
    expect(Object.keys(view.can.enterCampaign)).toEqual(['5', '12', '97']);
    const answers = [...Object.values(view.can.intents), ...Object.values(view.can.pause), ...Object.values(view.can.enterCampaign)];
    expect(new Set(answers.map((a) => (a.ok ? 'accepted' : a.code)))).toEqual(new Set(['NOT_LOGGED_IN']));
  });
});
