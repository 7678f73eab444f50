import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgentSession } from '../../src/app/agent-session.ts';
import { SoftphoneApp } from '../../src/app/softphone-app.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import type { ShellState } from '../../src/view/shell-state.ts';
import type { AgentView } from '../../src/view/agent-view.ts';
import { OpenCti, type OpenCtiConnection } from '../../src/opencti/index.ts';
import { FakeOpenCti } from '../opencti/fake-opencti.ts';

const realSettings = settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8'));

/** The real definition with the connection items an admin fills in after import. */
function configuredSettings(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...realSettings,
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
    ...overrides,
  };
}

function salesforce(fake: FakeOpenCti): () => Promise<OpenCtiConnection> {
  return () => Promise.resolve({ mode: 'salesforce', api: new OpenCti(fake, { timeoutMs: 200 }), origin: 'https://acme.lightning.force.com', apiVersion: 62 });
}

async function booted(app: SoftphoneApp): Promise<ShellState> {
  await app.start();
  return app.state;
}

const quiet = () => undefined;

describe('SoftphoneApp boot', () => {
  it('is ready with the call center display name once valid settings arrive', async () => {
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings());
    const state = await booted(new SoftphoneApp({ connect: salesforce(fake), warn: quiet }));
    expect(state).toMatchObject({ phase: 'ready', displayName: realSettings['/reqGeneralInfo/reqDisplayName'], neoApiHost: 'neotel.example.com' });
  });

  it('labels the panel and the utility-bar button and tells Salesforce it is initialised', async () => {
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings({ '/reqGeneralInfo/reqDisplayName': 'Ventas Norte' }));
    await booted(new SoftphoneApp({ connect: salesforce(fake), warn: quiet }));
    expect(fake.callsOf('setSoftphonePanelLabel')[0]?.args).toEqual({ label: 'Ventas Norte' });
    expect(fake.callsOf('setSoftphoneItemLabel')[0]?.args).toEqual({ label: 'Ventas Norte' });
    expect(fake.callsOf('setSoftphonePanelIcon')[0]?.args).toEqual({ key: 'call' });
    expect(fake.callsOf('notifyInitializationComplete')).toHaveLength(1);
  });

  it('shows every bad setting with its path, value and expectation instead of starting', async () => {
    const fake = new FakeOpenCti().reply(
      'getCallCenterSettings',
      configuredSettings({ '/neotelConnection/sipWebSocketUrl': 'javascript:alert(1)', '/neotelConnection/neoApiUrl': '' }),
    );
    const state = await booted(new SoftphoneApp({ connect: salesforce(fake), warn: quiet }));
    expect(state.phase).toBe('config-error');
    if (state.phase !== 'config-error') return;
    const sip = state.issues.find((i) => i.path === '/neotelConnection/sipWebSocketUrl');
    expect(sip?.received).toBe('javascript:alert(1)');
    expect(sip?.expected).toMatch(/ws/i);
    expect(state.issues.some((i) => i.path === '/neotelConnection/neoApiUrl')).toBe(true);
    expect(fake.callsOf('notifyInitializationComplete')).toHaveLength(1);
  });

  it('speaks the configured language on the error panel too', async () => {
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings({ '/dialtoneAgent/language': 'pt', '/neotelConnection/sipDomain': '' }));
    const state = await booted(new SoftphoneApp({ connect: salesforce(fake), browserLanguages: ['en-US'], warn: quiet }));
    expect(state).toMatchObject({ phase: 'config-error', language: 'pt' });
  });

  it('offers a retry when Salesforce does not return the settings, and recovers', async () => {
    const fake = new FakeOpenCti().fail('getCallCenterSettings', [{ code: 'SOFTPHONE_CONTAINER_ERROR', description: 'container not ready' }]);
    const app = new SoftphoneApp({ connect: salesforce(fake), warn: quiet });
    const state = await booted(app);
    expect(state.phase).toBe('settings-unavailable');
    expect(state.phase === 'settings-unavailable' && state.detail).toMatch(/container not ready/);

    fake.reply('getCallCenterSettings', configuredSettings());
    const seen: string[] = [];
    const ready = new Promise<void>((resolve) => app.subscribe((s) => { seen.push(s.phase); if (s.phase === 'ready') resolve(); }));
    app.retry();
    await ready;
    expect(seen).toEqual(['booting', 'ready']);
    expect(fake.callsOf('notifyInitializationComplete')).toHaveLength(1);
  });

  it('runs standalone, with the reason, when the page is not framed by Salesforce', async () => {
    const connect = () => Promise.resolve<OpenCtiConnection>({ mode: 'standalone', reason: 'NOT_FRAMED', detail: 'The page is not inside a frame.' });
    const state = await booted(new SoftphoneApp({ connect, warn: quiet }));
    expect(state).toMatchObject({ phase: 'standalone', reason: 'NOT_FRAMED' });
  });

  it('still starts when Salesforce refuses the panel label', async () => {
    const warnings: string[] = [];
    const fake = new FakeOpenCti()
      .reply('getCallCenterSettings', configuredSettings())
      .fail('setSoftphonePanelLabel', [{ code: 'GENERIC_ERROR', description: 'nope' }]);
    const state = await booted(new SoftphoneApp({ connect: salesforce(fake), warn: (m) => warnings.push(m) }));
    expect(state.phase).toBe('ready');
    expect(warnings.filter((w) => w.includes('panel'))).toEqual(['could not label the softphone panel']);
  });
});

/** The session chunk, held until `release()` (or failed with `fail()`), as a slow network would. */
function heldSessionCode() {
  let release: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const arrived = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { code: () => arrived.then(() => import('../../src/app/agent-session.ts')), release: () => release(), fail: (error: Error) => fail(error) };
}

function phaseReached(app: SoftphoneApp, phase: ShellState['phase']): Promise<ShellState> {
  if (app.state.phase === phase) return Promise.resolve(app.state);
  return new Promise((resolve) => {
    const stop = app.subscribe((state) => {
      if (state.phase !== phase) return;
      stop();
      resolve(state);
    });
  });
}

const LOGIN = { kind: 'login', user: 'agent1', device: '1001', password: 'pw', devicePassword: 'sip', campaign: null, remember: false, rememberDevicePassword: false } as const;

describe('the login form before the session chunk (docs/benchmarks.md, "Eleventh pass")', () => {
  it('asks for the session\'s code once Open CTI is connected and while the settings are on their way, not while the start-up bundle runs', async () => {
    let asked = 0;
    const chunk = heldSessionCode();
    const code = () => {
      asked += 1;
      return chunk.code();
    };
    let connected: (connection: OpenCtiConnection) => void = () => undefined;
    const connection = new Promise<OpenCtiConnection>((resolve) => (connected = resolve));
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings()).holdReplies();
    const app = new SoftphoneApp({ connect: () => connection, warn: quiet, sessionCode: code });
    const started = app.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked, 'nothing requested while Open CTI connects (the bundle is still running then)').toBe(0);
    connected({ mode: 'salesforce', api: new OpenCti(fake, { timeoutMs: 200 }), origin: 'https://acme.lightning.force.com', apiVersion: 62 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.state.phase, 'the settings are not answered yet').toBe('booting');
    expect(asked, 'requested during the settings\' round trip').toBe(1);
    fake.flush();
    await phaseReached(app, 'ready');
    chunk.release();
    await started;
    expect(asked, 'once').toBe(1);
  });

  it('on a reload of the tab that ran a session, asks for the phone\'s code once the session\'s code is in, not before it', async () => {
    for (const reloadPending of [true, false]) {
      let phoneAsked = 0;
      const chunk = heldSessionCode();
      const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings());
      const phoneCode = () => {
        phoneAsked += 1;
        return Promise.resolve();
      };
      const app = new SoftphoneApp({ connect: salesforce(fake), warn: quiet, sessionCode: chunk.code, phoneCode, reloadPending: () => reloadPending });
      const started = app.start();
      await phaseReached(app, 'ready');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(phoneAsked, 'not while the session\'s code, on the path to the resume, is on its way').toBe(0);
      chunk.release();
      await started;
      // Without a session to resume, sip.js waits for the login form to be drawn (its first idle moment).
      expect(phoneAsked, `reload pending: ${reloadPending}`).toBe(reloadPending ? 1 : 0);
    }
  });

  it('is drawn as soon as a Neotel call center\'s settings are valid, from the very view the session then starts from', async () => {
    const chunk = heldSessionCode();
    const sessions: AgentView[] = [];
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings());
    // Its first view, as it is built (before its start-up reads the preferences and devices).
    const app = new SoftphoneApp({ connect: salesforce(fake), warn: quiet, sessionCode: chunk.code, onSession: (s) => sessions.push(s.view) });
    const started = app.start();
    const early = await phaseReached(app, 'ready');
    expect(sessions, 'no session yet: its code is held').toHaveLength(0);
    expect(early).toMatchObject({ phase: 'ready', displayName: realSettings['/reqGeneralInfo/reqDisplayName'] });
    chunk.release();
    await started;
    expect(sessions).toHaveLength(1);
    expect(early.phase === 'ready' && early.view).toEqual(sessions[0]);
  });

  it('keeps a login sent meanwhile, shows it waiting, and hands it to the session once that runs', async () => {
    const chunk = heldSessionCode();
    const received: string[] = [];
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings());
    const onSession = (session: AgentSession) => {
      session.send = (intent) => void received.push(intent.kind);
    };
    const app = new SoftphoneApp({ connect: salesforce(fake), warn: quiet, sessionCode: chunk.code, onSession });
    const started = app.start();
    await phaseReached(app, 'ready');
    app.send({ kind: 'setAutoMinimise', on: true });
    app.send(LOGIN);
    expect(app.state).toMatchObject({ phase: 'ready', loginWaiting: true });
    expect(received).toEqual([]);
    chunk.release();
    await started;
    expect(received, 'in the order sent, nothing lost').toEqual(['setAutoMinimise', 'login']);
    expect(app.state.phase === 'ready' && app.state.loginWaiting, 'the form busy only until the session took the login').toBeFalsy();
  });

  it('says the softphone\'s code did not load, with a retry, when the chunk fails after the form was drawn', async () => {
    const chunk = heldSessionCode();
    const warnings: string[] = [];
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings());
    const app = new SoftphoneApp({ connect: salesforce(fake), warn: (m) => warnings.push(m), sessionCode: chunk.code });
    const started = app.start();
    await phaseReached(app, 'ready');
    app.send(LOGIN);
    chunk.fail(new Error('net::ERR_CONNECTION_RESET'));
    await started;
    expect(app.state.phase).toBe('settings-unavailable');
    expect(app.state.phase === 'settings-unavailable' && app.state.detail).toMatch(/agent-session.*ERR_CONNECTION_RESET/);
    app.send(LOGIN);
    expect(warnings).toEqual(['ignored login: the softphone is not ready']);
  });

  it('waits for the session\'s code when the call center sets its sipPlatform section: its parsers must validate it before the form', async () => {
    const chunk = heldSessionCode();
    const fake = new FakeOpenCti().reply('getCallCenterSettings', configuredSettings({ '/sipPlatform/sipNotReadyStatus': 'busy' }));
    const app = new SoftphoneApp({ connect: salesforce(fake), warn: quiet, sessionCode: chunk.code });
    const started = app.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.state.phase).toBe('booting');
    chunk.release();
    await started;
    expect(app.state).toMatchObject({ phase: 'config-error', issues: [expect.objectContaining({ path: '/sipPlatform/sipNotReadyStatus', received: 'busy' })] });
  });
});
