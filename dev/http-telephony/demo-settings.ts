/**
 * The call-center settings of the `sip` platform demo (`npm start -- --platform sip`): what an
 * admin would type after importing callcenter-definition.xml for a plain SIP PBX with seed 001's
 * HTTP API. The key is the demo's, not a secret anyone needs to keep.
 */

/** The `chave` the demo's HTTP API checks. */
export const SIP_DEMO_KEY = 'demo-chave';

const path = (item: string): string => `/sipPlatform/${item}`;

/** The `sipPlatform` section pointing at the HTTP telephony stand-in at `apiUrl`. */
export function sipDemoSettings(apiUrl: string): Record<string, string> {
  return {
    [path('telephonyPlatform')]: 'sip',
    [path('sipPopHeaders')]: 'crmKey=X-CRM-Id; contactId=X-Contact-Id; callQueue=X-Queue; callCampaing=X-Campaign; recordId=X-Record-Id',
    [path('sipNotReadyReasons')]: 'Almuerzo; Capacitación',
    [path('sipHookSecret')]: SIP_DEMO_KEY,
    [path('sipClickToCallHook')]: JSON.stringify({
      method: 'POST',
      url: `${apiUrl}/click2call`,
      headers: { 'Content-Type': 'application/json' },
      body: '{"ramal":"{ramal}","telefone":"{telefone}","chave":"{chave}"}',
    }),
    [path('sipRecordingHook')]: JSON.stringify({ method: 'GET', url: `${apiUrl}/gravacao?callid={callId}&telefone={telefone}&chave={chave}` }),
  };
}
