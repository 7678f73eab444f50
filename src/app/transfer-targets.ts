/**
 * Transfer and conference targets: the configured lists, completed with NeoApi's listings when
 * the platform has them. `GetUsers`, `GetQueues` and `GetCampaigns` are Dialtone's own contract
 * (evidence `dialtone`): a real server may lack them, so each is tried once per session and a
 * failure simply leaves the configured list (feature detection by use, no error shown).
 *
 * The listings answer JSON inside `<string>` (docs/neoapi-contract.md §9):
 *   GetUsers     → [{ Id, Nombre, Perfil, Estado, … }]
 *   GetQueues    → [{ Id, Nombre, Campana, … }]
 *   GetCampaigns → [{ Id, Nombre, Tipo, Transferencias: [{ Indice, Numero, Nombre }] , … }]
 */
import type { Config, ExternalNumber, NamedEntry } from '../config/index.ts';
import type { TransferTargets } from '../view/agent-view.ts';

/** What the loader needs: NeoApi by contract name, with the deployment's wire name. */
export interface ListingClient {
  call(method: string, params: Readonly<Record<string, string>>, options?: { readonly wireName?: string }): Promise<string | boolean | undefined>;
}

/** The configured targets only. */
export function configuredTargets(config: Config): TransferTargets {
  const t = config.transfers;
  return { users: t.users, queues: t.queues, campaigns: t.campaigns, numbers: t.numbers, campaignNumbers: {}, allowManualNumber: t.allowManualNumber, source: 'config' };
}

type Row = Readonly<Record<string, unknown>>;

function rowsOf(answer: unknown): readonly Row[] | null {
  if (typeof answer !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(answer);
    return Array.isArray(parsed) ? parsed.filter((row): row is Row => typeof row === 'object' && row !== null) : null;
  } catch {
    return null;
  }
}

function text(row: Row, key: string): string | null {
  const value = row[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function positiveInt(row: Row, key: string): number | null {
  const value = Number(text(row, key));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Configured entries first (their names win), then the platform's others. */
function merge<Id extends string | number>(configured: readonly NamedEntry<Id>[], listed: readonly NamedEntry<Id>[]): readonly NamedEntry<Id>[] {
  const known = new Set(configured.map((entry) => entry.id));
  return [...configured, ...listed.filter((entry) => !known.has(entry.id))];
}

/**
 * The targets for `user`'s session: configured, plus whatever the platform lists. `self` is left
 * out of the users (an agent cannot transfer to themselves).
 */
export async function loadTransferTargets(client: ListingClient, user: string, config: Config): Promise<TransferTargets> {
  const base = configuredTargets(config);
  const names = config.connection.neoApiMethods;
  const list = async (method: string): Promise<readonly Row[] | null> => {
    try {
      const wireName = names.methods[method];
      return rowsOf(await client.call(method, { USUARIO: user }, wireName === undefined ? {} : { wireName }));
    } catch {
      return null;
    }
  };
  const [users, queues, campaigns] = await Promise.all([list('GetUsers'), list('GetQueues'), list('GetCampaigns')]);
  if (users === null && queues === null && campaigns === null) return base;
  const listedUsers = (users ?? []).flatMap((row) => {
    const id = text(row, 'Id');
    return id === null || id === user ? [] : [{ id, name: text(row, 'Nombre') ?? id }];
  });
  const listedQueues = (queues ?? []).flatMap((row) => {
    const id = positiveInt(row, 'Id');
    return id === null ? [] : [{ id, name: text(row, 'Nombre') ?? String(id) }];
  });
  const listedCampaigns = (campaigns ?? []).flatMap((row) => {
    const id = positiveInt(row, 'Id');
    return id === null ? [] : [{ id, name: text(row, 'Nombre') ?? String(id) }];
  });
  const campaignNumbers: Record<number, readonly ExternalNumber[]> = {};
  for (const row of campaigns ?? []) {
    const id = positiveInt(row, 'Id');
    const entries = row.Transferencias;
    if (id === null || !Array.isArray(entries)) continue;
    const numbers = entries.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const number = text(entry as Row, 'Numero');
      return number === null || !/^\+?[0-9*#]{1,32}$/.test(number) ? [] : [{ number, name: text(entry as Row, 'Nombre') ?? number }];
    });
    if (numbers.length > 0) campaignNumbers[id] = numbers;
  }
  return {
    ...base,
    users: merge(base.users, listedUsers),
    queues: merge(base.queues, listedQueues),
    campaigns: merge(base.campaigns, listedCampaigns),
    campaignNumbers,
    source: 'platform',
  };
}
