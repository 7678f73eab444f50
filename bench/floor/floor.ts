/**
 * The benchmark floor (issue 18, docs/benchmarks.md "Floor"): the least a browser phone must do
 * for the same work as Dialtone, with the same sip.js, bundled by the same Vite build. It
 * registers at once, logs the agent in with one NeoApi `Login` once registered, answers every
 * INVITE at once, and dials with one `fetch` of NeoApi `Dial` (`window.floorDial`). No UI beyond
 * one line of text, no storage, no timers of its own.
 *
 * Settings come from the query string: `ws`, `domain`, `user` (the SIP user and NeoApi user),
 * `sipPassword`, `neoApi` (service URL), `password` (NeoApi). The page is served by the Neotel
 * simulator at the adapter's origin, so NeoApi needs no CORS, as in the usual deployment.
 */
import { Registerer, RegistererState, SessionState, UserAgent, type Invitation, type InvitationAcceptOptions } from 'sip.js';

const query = new URLSearchParams(location.search);
const setting = (name: string): string => {
  const value = query.get(name);
  if (value === null || value === '') throw new Error(`floor page: the query string has no ${name}= (expected ws, domain, user, sipPassword, neoApi, password)`);
  return value;
};
const ws = setting('ws');
const domain = setting('domain');
const user = setting('user');
const neoApi = setting('neoApi');
const shown = document.getElementById('state');
/** The line of text, also as `data-state` for the call soak's waits (bench/call-soak.ts). */
const show = (text: string): void => {
  if (!shown) return;
  shown.textContent = text;
  shown.dataset.state = text;
};

/** One NeoApi call with the POST binding (a form post), Dialtone's default. */
function neo(method: string, params: Record<string, string>): Promise<Response> {
  return fetch(`${neoApi}/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
}

let lastCall: Invitation | undefined;
const accept: InvitationAcceptOptions = { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } };
const agent = new UserAgent({
  uri: UserAgent.makeURI(`sip:${user}@${domain}`),
  authorizationUsername: user,
  authorizationPassword: setting('sipPassword'),
  transportOptions: { server: ws },
  logLevel: 'error',
  sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
  delegate: {
    onInvite(invitation: Invitation) {
      lastCall = invitation;
      invitation.stateChange.addListener((state) => {
        if (state === SessionState.Established) show('in call');
        else if (state === SessionState.Terminated) show('ended');
      });
      void invitation.accept(accept).catch((error: unknown) => show(`answer failed: ${String(error)}`));
    },
  },
});
const registerer = new Registerer(agent);
registerer.stateChange.addListener((state) => {
  if (state !== RegistererState.Registered) return;
  show('registered');
  void neo('Login', { DEVICE: `SIP/${user}`, USUARIO: user, CLAVE: setting('password') }).then((r) => show(r.ok ? 'ready' : `Login ${r.status}`));
});

declare global {
  interface Window {
    /** Dials `number` through NeoApi (the platform rings this phone first, which answers). */
    floorDial(number: string): Promise<number>;
    /** Hangs up the answered call, if any. */
    floorHangUp(): Promise<void>;
    /** Releases the platform's record after a queue call (NeoApi `CRM_Available`, what the agent's Play sends). */
    floorAvailable(): Promise<number>;
  }
}
window.floorHangUp = async () => {
  await lastCall?.bye().catch(() => undefined);
  lastCall = undefined;
};
window.floorAvailable = async () => (await neo('CRM_Available', { USUARIO: user })).status;
window.floorDial = async (number) => (await neo('Dial', { USUARIO: user, TELEFONO: number })).status;

await agent.start();
await registerer.register();
