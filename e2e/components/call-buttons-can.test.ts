/**
 * The call card, ringing card, transfer panel, wrap-up, status menu and campaign picker (a typed
 * campaign number) in real Chromium enable exactly the
 * buttons the machine accepts: for a table of states, each button's `disabled` is checked against
 * the real `transition()` of the intent that button sends (not against `view.can`, so a rule a
 * component adds of its own, or a `can` entry it ignores, fails here). A disabled button is
 * described by a visible hint in the agent's language, and the page stays axe-clean.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { transition, type AgentEvent, type AgentState } from '../../src/call/index.ts';
import type { TransferTargets } from '../../src/view/agent-view.ts';
import type { Language } from '../../src/i18n/index.ts';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { axeViolations } from '../agent/support/panel-states.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { machineContextOf, shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const TARGETS: TransferTargets = {
  users: [{ id: '1002', name: 'Bruno Agente' }],
  queues: [],
  campaigns: [],
  numbers: [{ number: '1148765432', name: 'Mesa de ayuda' }],
  campaignNumbers: {},
  allowManualNumber: false,
  source: 'config',
};

/** The intent each button sends in `agent` (what its click handler dispatches, with a listed target). */
function intentOf(testid: string, agent: AgentState): AgentEvent {
  const at = Date.now();
  const connected = agent.phase === 'connected' ? agent : null;
  switch (testid) {
    case 'hold':
      return { kind: connected?.held === true ? 'resume' : 'hold', at };
    case 'mute':
      return { kind: connected?.muted === true ? 'unmute' : 'mute', at };
    case 'keypad-toggle':
      return { kind: 'sendDtmf', at, digit: '1' };
    case 'hang-up':
      return { kind: 'hangUp', at };
    case 'answer':
      return { kind: 'answer', at };
    case 'decline':
      return { kind: 'reject', at };
    case 'transfer-blind':
      return { kind: 'transfer', at, target: { kind: 'number', number: '1148765432' }, mode: 'blind' };
    case 'conference-start':
      return { kind: 'startConference', at };
    case 'transfer-complete':
      return { kind: 'completeTransfer', at };
    case 'transfer-end':
      return { kind: 'endTransfer', at };
    case 'conference-invite':
      return { kind: 'inviteParticipant', at, target: { kind: 'number', number: '1148765432' } };
    case 'conference-kick-all':
      return { kind: 'kickAll', at };
    case 'disposition-select':
      return { kind: 'categorise', at, subcategory: 101 };
    case 'schedule-toggle':
      return { kind: 'scheduleCallback', at, subcategory: 101, when: '2030-01-01T10:00:00', phone: null, mine: true };
    case 'release-contact':
      return { kind: 'releaseContact', at };
    case 'available':
      return { kind: 'available', at };
    default:
      throw new Error(`no intent known for button ${testid}`);
  }
}

const BUTTONS = ['hold', 'mute', 'keypad-toggle', 'hang-up', 'answer', 'decline', 'transfer-blind', 'conference-start', 'transfer-complete', 'transfer-end', 'conference-invite', 'conference-kick-all', 'disposition-select', 'schedule-toggle', 'release-contact', 'available'];

const wrapUp = states.wrapUp();
/** The ringing card (not the auto-answer one), being answered or not. */
function ringing(answering: boolean): AgentState {
  const state = states.ringing();
  if (state.phase !== 'ringing') throw new Error('states.ringing() is not ringing');
  return { ...state, autoAnswer: false, answering };
}
const TABLE: readonly (readonly [string, AgentState, { allowContactRelease?: boolean }])[] = [
  ['ringing', ringing(false), {}],
  ['ringing, being answered', ringing(true), {}],
  ['connected', states.connected(), {}],
  ['connected, held and muted', states.connected({ held: true, muted: true }), {}],
  ['connected, hang-up sent', states.connected({ hangUpRequested: true }), {}],
  ['consultation starting', states.connected({ control: { kind: 'consulting', target: { kind: 'user', user: '1002' }, step: 'starting' } }), {}],
  ['consultation talking', states.connected({ control: { kind: 'consulting', target: { kind: 'user', user: '1002' }, step: 'talking' } }), {}],
  ['conference starting', states.connected({ control: { kind: 'conference', step: 'starting', participants: [] } }), {}],
  ['conference on', states.connected({ control: { kind: 'conference', step: 'on', participants: [] } }), {}],
  ['wrap-up', wrapUp, {}],
  ['wrap-up, saving', { ...wrapUp, step: 'categorising' } as AgentState, {}],
  ['wrap-up, disposition required', wrapUp, { allowContactRelease: false }],
];

/** Each button on screen: its test id, whether it is disabled, and the text its aria-describedby points at. */
async function buttonsShown(): Promise<{ id: string; disabled: boolean; described: string | null }[]> {
  return ui.page.evaluate((ids) => {
    const found: { id: string; disabled: boolean; described: string | null }[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        const id = element.dataset.testid;
        if (id === undefined || !ids.includes(id)) continue;
        const refs = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((r) => r !== '');
        const scope = element.getRootNode() as ShadowRoot | Document;
        const described = refs.length === 0 ? null : refs.map((r) => scope.getElementById(r)?.textContent.trim() ?? `<missing #${r}>`).join(' | ');
        found.push({ id, disabled: (element as HTMLButtonElement).disabled, described });
      }
    };
    visit(document);
    return found;
  }, BUTTONS);
}

describe('call buttons follow the machine', () => {
  it.each(TABLE)('in %s, a button is enabled exactly when transition() accepts its intent, and a disabled one says why', async (_name, agent, settings) => {
    const base = shell(agent);
    if (base.phase !== 'ready') throw new Error('shell() draws the ready shell');
    const options = { ...base.view.options, ...settings };
    await ui.show(shell(agent, { transferTargets: TARGETS, options }));
    const context = machineContextOf(options);
    const shown = await buttonsShown();
    expect(shown.length, 'the state shows buttons').toBeGreaterThan(0);
    const hints = messagesFor('en').refusalHints;
    for (const button of shown) {
      const result = transition(agent, intentOf(button.id, agent), context);
      expect(button.disabled, `${button.id}: machine ${result.ok ? 'accepts' : `refuses ${result.error.code}`}`).toBe(!result.ok);
      if (!result.ok) expect(button.described, `${button.id} says why`).toContain(hints[result.error.code]);
    }
  });

  const MENU_STATES: readonly (readonly [string, AgentState])[] = [
    ['ready', states.ready()],
    ['on a break', states.ready({ availability: { kind: 'onBreak', subtype: 4, since: Date.now() } })],
    ['a break starting', states.ready({ availability: { kind: 'pausing', subtype: 4, previous: null } })],
    ['in a campaign', states.ready({ campaign: { kind: 'in', id: 10, since: Date.now() } })],
    ['joining a campaign', states.ready({ campaign: { kind: 'joining', id: 10, previous: null } })],
  ];

  it.each(MENU_STATES)('in %s, a status menu item is choosable exactly when transition() accepts it, and a refused one says why', async (_name, agent) => {
    const base = shell(agent);
    if (base.phase !== 'ready') throw new Error('shell() draws the ready shell');
    await ui.show(base);
    const items = await ui.page.evaluate(() => {
      const found: { testid: string; break?: string; campaign?: string; checked: boolean; disabled: boolean; why: string | null }[] = [];
      const visit = (root: Document | ShadowRoot): void => {
        for (const element of root.querySelectorAll<HTMLElement>('*')) {
          if (element.shadowRoot) visit(element.shadowRoot);
          const testid = element.dataset.testid;
          if (!element.getAttribute('role')?.startsWith('menuitem') || testid === undefined) continue;
          found.push({ testid, break: element.dataset.break, campaign: element.dataset.campaign, checked: element.getAttribute('aria-checked') === 'true', disabled: element.getAttribute('aria-disabled') === 'true', why: element.getAttribute('aria-description') });
        }
      };
      visit(document);
      return found;
    });
    expect(items.length, 'the menu lists Ready, the breaks and the campaigns').toBeGreaterThan(3);
    const context = machineContextOf(base.view.options);
    const hints = messagesFor('en').refusalHints;
    for (const item of items) {
      const at = Date.now();
      const intent: AgentEvent =
        item.testid === 'pause'
          ? { kind: 'pause', at, subtype: Number(item.break) }
          : item.testid === 'join-campaign'
            ? { kind: 'enterCampaign', at, campaign: Number(item.campaign) }
            : item.testid === 'leave-campaign'
              ? { kind: 'leaveCampaign', at }
              : { kind: 'unpause', at };
      const result = transition(agent, intent, context);
      const label = `${item.testid} ${item.break ?? item.campaign ?? ''}: machine ${result.ok ? 'accepts' : `refuses ${result.error.code}`}`;
      expect(item.disabled, label).toBe(!result.ok);
      // The current status is checked, not explained; any other refused item says the machine's reason.
      if (!result.ok && !item.checked) expect(item.why, label).toBe(hints[result.error.code]);
    }
  });

  const PICKER_STATES: readonly (readonly [string, AgentState])[] = [
    ['ready', states.ready()],
    ['on a break', states.ready({ availability: { kind: 'onBreak', subtype: 4, since: Date.now() } })],
    ['joining a campaign', states.ready({ campaign: { kind: 'joining', id: 77, previous: null } })],
    ['wrap-up', wrapUp],
    ['wrap-up, saving', { ...wrapUp, step: 'categorising' } as AgentState],
  ];

  it.each(PICKER_STATES)('in %s, a typed campaign number is enterable exactly when transition() accepts it, and a refused one says why', async (_name, agent) => {
    const base = shell(agent);
    if (base.phase !== 'ready') throw new Error('shell() draws the ready shell');
    // A call center that lists no campaigns: the number is typed in the campaign picker.
    const options = { ...base.view.options, campaigns: [] };
    await ui.show(shell(agent, { options }));
    const real = transition(agent, { kind: 'enterCampaign', at: Date.now(), campaign: 78 }, machineContextOf(options));
    const label = real.ok ? 'machine accepts' : `machine refuses ${real.error.code}`;
    const button = ui.page.getByTestId('join-campaign');
    expect(await button.isDisabled(), label).toBe(!real.ok);
    const described = await button.evaluate((el) => {
      const id = el.getAttribute('aria-describedby');
      return id === null ? null : ((el.getRootNode() as ShadowRoot).getElementById(id)?.textContent.trim() ?? `<missing #${id}>`);
    });
    expect(described, label).toBe(real.ok ? null : messagesFor('en').refusalHints[real.error.code]);
    // Enter in the field sends exactly when the machine would take it; the field keeps the focus.
    await ui.page.getByTestId('campaign-input').fill('78');
    await ui.page.getByTestId('campaign-input').press('Enter');
    expect(await ui.intents(), label).toEqual(real.ok ? [{ kind: 'enterCampaign', campaign: 78 }] : []);
    expect(await ui.page.getByTestId('campaign-input').evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it.each(['es', 'pt', 'en'] as Language[])('says why in %s, visibly, and stays axe-clean', async (language) => {
    await ui.show(shell(states.connected({ hangUpRequested: true }), { transferTargets: TARGETS }, language));
    const hint = ui.page.locator('[data-testid=call-controls] [data-testid=refusal-hint]');
    expect(await hint.count()).toBe(1);
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe(messagesFor(language).refusalHints.OPERATION_PENDING);
    expect(await ui.page.getByTestId('hang-up').getAttribute('aria-describedby')).toBe('call-why-OPERATION_PENDING');
    // The bare harness page has no <title> (the real panel's index.html does); axe checks the rest.
    await ui.page.evaluate(() => (document.title = 'Dialtone'));
    expect(await axeViolations(ui.page.mainFrame())).toEqual([]);
  });
});
