/**
 * Transfer targets (configured lists + NeoApi listings, feature-detected) and `neoApiMethods`,
 * the configurable wire names of the transfer/conference/listing methods.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTransferTargets, type ListingClient } from '../../src/app/transfer-targets.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig, type Config } from '../../src/config/index.ts';
import { parseNeoApiMethods } from '../../src/config/neoapi-methods.ts';

function validated(overrides: Record<string, string> = {}): ReturnType<typeof validateConfig> {
  return validateConfig({
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
    '/dialtoneCalls/transferUsers': '1003=Configured Name',
    '/dialtoneCalls/transferQueues': '4=Soporte',
    ...overrides,
  });
}

function config(overrides: Record<string, string> = {}): Config {
  const result = validated(overrides);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

describe('neoApiMethods', () => {
  it('maps renamed operations from the contract name to the deployment name; empty keeps the contract', () => {
    expect(parseNeoApiMethods('transferBlind=TransferirCiego; conferenceKickAll=Expulsar_Todos;')).toEqual({ ok: true, value: { methods: { BlindTransfer: 'TransferirCiego', KickAll: 'Expulsar_Todos' }, params: {} } });
    expect(parseNeoApiMethods('transferBlind=BlindTransfer')).toEqual({ ok: true, value: { methods: {}, params: {} } });
    expect(config().connection.neoApiMethods).toEqual({ methods: {}, params: {} });
    expect(config({ '/neotelConnection/neoApiMethods': 'listUsers=ListarUsuarios' }).connection.neoApiMethods).toEqual({ methods: { GetUsers: 'ListarUsuarios' }, params: {} });
  });

  it('renames any contract method and its parameters: Login_Campaign2 + CAMPANA as Login_Campaign + CAMPAÑA', () => {
    expect(parseNeoApiMethods('Login_Campaign2=Login_Campaign; Login_Campaign2.CAMPANA=CAMPAÑA')).toEqual({
      ok: true,
      value: { methods: { Login_Campaign2: 'Login_Campaign' }, params: { Login_Campaign2: { CAMPANA: 'CAMPAÑA' } } },
    });
    // A logical operation names its method's parameters too.
    expect(parseNeoApiMethods('transferBlind.EXTENSION=DESTINO')).toEqual({ ok: true, value: { methods: {}, params: { BlindTransfer: { EXTENSION: 'DESTINO' } } } });
  });

  it.each([
    ['transferBlindd=X', '"transferBlindd" is neither a NeoApi contract method nor a renamable operation'],
    ['transferBlind=A;transferBlind=B', 'BlindTransfer is renamed twice'],
    ['transferBlind=A;BlindTransfer=B', 'BlindTransfer is renamed twice'],
    ['transferBlind=1Bad', 'name "1Bad" for transferBlind is not a valid NeoApi name'],
    ['Login_Campaign2.CAMPAÑA=X', '"CAMPAÑA" is not a parameter of Login_Campaign2 (its parameters: USUARIO, CAMPANA)'],
    ['Pause.SUBTIPO_DESCANSO=SUB TIPO', 'name "SUB TIPO" for Pause.SUBTIPO_DESCANSO is not a valid NeoApi name'],
    ['transferBlind', 'entry "transferBlind" has no "="'],
  ])('refuses %s with a message naming the setting and the problem', (value, problem) => {
    const result = validated({ '/neotelConnection/neoApiMethods': value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = result.errors.map((e) => e.message).join('\n');
    expect(message).toContain('neoApiMethods');
    expect(message).toContain(problem);
    expect(message).toContain('transferAttendedCampaign');
  });
});

/** A NeoApi that answers the listings it is given and fails the others. */
function client(answers: Record<string, string>): ListingClient & { calls: { method: string; wireName: string | undefined }[] } {
  const calls: { method: string; wireName: string | undefined }[] = [];
  return {
    calls,
    call(method, _params, options) {
      calls.push({ method, wireName: options?.wireName });
      const answer = answers[method];
      return answer === undefined ? Promise.reject(new Error(`500 Unknown web method ${method}.`)) : Promise.resolve(answer);
    },
  };
}

describe('loadTransferTargets', () => {
  it('keeps the configured lists when the platform has no listing methods', async () => {
    const targets = await loadTransferTargets(client({}), '1001', config());
    expect(targets.source).toBe('config');
    expect(targets.users).toEqual([{ id: '1003', name: 'Configured Name' }]);
    expect(targets.queues).toEqual([{ id: 4, name: 'Soporte' }]);
  });

  it('adds what GetUsers/GetQueues/GetCampaigns list (configured names win, not the agent themself) and the campaign transfer lists', async () => {
    const neo = client({
      GetUsers: JSON.stringify([{ Id: '1001', Nombre: 'Me' }, { Id: '1002', Nombre: '<script>x</script>' }, { Id: '1003', Nombre: 'Platform Name' }]),
      GetQueues: JSON.stringify([{ Id: 4, Nombre: 'Other' }, { Id: 5, Nombre: 'Ventas' }]),
      GetCampaigns: JSON.stringify([{ Id: 7, Nombre: 'Entrante', Transferencias: [{ Indice: 1, Numero: '1155550009', Nombre: 'Legal' }, { Indice: 2, Numero: 'bad', Nombre: 'x' }] }]),
    });
    const targets = await loadTransferTargets(neo, '1001', config({ '/neotelConnection/neoApiMethods': 'listQueues=ListarColas' }));
    expect(targets.source).toBe('platform');
    expect(targets.users).toEqual([{ id: '1003', name: 'Configured Name' }, { id: '1002', name: '<script>x</script>' }]);
    expect(targets.queues).toEqual([{ id: 4, name: 'Soporte' }, { id: 5, name: 'Ventas' }]);
    expect(targets.campaigns).toEqual([{ id: 7, name: 'Entrante' }]);
    expect(targets.campaignNumbers).toEqual({ 7: [{ number: '1155550009', name: 'Legal' }] });
    expect(neo.calls).toContainEqual({ method: 'GetQueues', wireName: 'ListarColas' });
    expect(neo.calls).toContainEqual({ method: 'GetUsers', wireName: undefined });
  });
});

describe('transfer intents', () => {
  it('a typed number goes through the dial check; a bad one is refused before the machine; list targets pass as they are', async () => {
    const { basicDialCheck, routeIntent } = await import('../../src/app/intents.ts');
    expect(routeIntent({ kind: 'transfer', target: { kind: 'number', number: '(11) 4000-1234' }, mode: 'blind' }, 5, basicDialCheck)).toEqual({
      to: 'machine',
      event: { kind: 'transfer', at: 5, target: { kind: 'number', number: '1140001234' }, mode: 'blind' },
    });
    const refused = routeIntent({ kind: 'inviteParticipant', target: { kind: 'number', number: 'call me' } }, 5, basicDialCheck);
    expect(refused.to).toBe('refused');
    expect(refused.to === 'refused' && refused.message).toContain('"call me"');
    expect(routeIntent({ kind: 'inviteParticipant', target: { kind: 'user', user: '1002' } }, 5, basicDialCheck)).toEqual({
      to: 'machine',
      event: { kind: 'inviteParticipant', at: 5, target: { kind: 'user', user: '1002' } },
    });
    expect(routeIntent({ kind: 'kickParticipant', participant: 'SIP/1002-1' }, 5, basicDialCheck)).toEqual({ to: 'machine', event: { kind: 'kickParticipant', at: 5, participant: 'SIP/1002-1' } });
  });
});
