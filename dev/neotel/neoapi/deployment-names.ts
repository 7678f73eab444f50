/**
 * The names this simulated server answers under: the contract's by default, or a deployment's
 * own (`--neoapi-names`, `NeotelOptions.neoApiNames`, `POST /control/neoapi/names`), in the same
 * syntax as the softphone's `neoApiMethods` setting, e.g.
 * `Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA` (a server without
 * `Login_Campaign2`, whose campaign login takes `CAMPAÑA`). A renamed method no longer answers
 * under its contract name, so a client that ignores the deployment's names fails like it would
 * against that real server.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { NEO_NAMING_EXPECTED, namedOperations, parseNeoNaming, type NeoNaming } from '../../../src/platforms/neotel/contract-names.ts';
import type { NeoOperation } from '../../../src/platforms/neotel/contract.ts';
import { BadRequestError, readJsonBody } from '../../shared/http.ts';

/** What `GET /control/neoapi/names` answers. */
export interface DeploymentNamesState {
  readonly names: string;
  readonly naming: NeoNaming;
}

/** The server's current names; a reset goes back to the ones it started with. */
export class DeploymentNames {
  private current: DeploymentNamesState = { names: '', naming: { methods: {}, params: {} } };
  private table: ReadonlyMap<string, NeoOperation> = namedOperations(this.current.naming);

  /** Throws a {@link BadRequestError} naming the problem when `initial` is not valid. */
  constructor(private readonly initial = '') {
    this.set(initial, 'neoApiNames');
  }

  /** Serves `names` from now on (`where` names the option for the error). */
  set(names: string, where: string): DeploymentNamesState {
    const parsed = parseNeoNaming(names);
    if (!parsed.ok) throw new BadRequestError(`${where}: ${JSON.stringify(names)} is not valid: ${parsed.problem}; expected ${NEO_NAMING_EXPECTED}`);
    this.current = { names, naming: parsed.value };
    this.table = namedOperations(parsed.value);
    return this.current;
  }

  reset(): void {
    this.set(this.initial, 'neoApiNames');
  }

  state(): DeploymentNamesState {
    return this.current;
  }

  /** The operations by wire name, for the ASMX handler. */
  readonly operations = (): ReadonlyMap<string, NeoOperation> => this.table;
}

const namesSchema = z.strictObject({ names: z.string().max(10_000) });

/** `GET|POST /control/neoapi/names`, or `undefined` when `key` is another route. */
export async function namesRoute(names: DeploymentNames, req: IncomingMessage, key: string): Promise<{ json: unknown } | undefined> {
  switch (key) {
    case 'GET /control/neoapi/names':
      return { json: names.state() };
    case 'POST /control/neoapi/names': {
      const body = namesSchema.safeParse(await readJsonBody(req));
      if (!body.success) throw new BadRequestError(`${key}: expected {"names": "<neoApiMethods text>"} (${NEO_NAMING_EXPECTED})`);
      return { json: names.set(body.data.names, key) };
    }
    default:
      return undefined;
  }
}
