/**
 * A mixing room for one platform call (`Room` in types.ts). The routing is replaced atomically;
 * leg ids must be legs this PBX created. Ended legs may stay in a routing: they are silent and
 * deaf (the engine mixes only legs that are up), so the center can tidy up at its own pace.
 */

import { legsInRouting } from './media/mixer.ts';
import type { MixingEngine, MixingRoom } from './media/mixing-engine.ts';
import type { Leg, Room, Routing } from './types.ts';

export class RoomImpl implements Room, MixingRoom {
  routing: Routing = {};
  private closed = false;

  constructor(
    readonly id: string,
    readonly callId: string,
    private readonly engine: MixingEngine,
    private readonly findLeg: (id: string) => Leg | undefined,
    private readonly onClose: (room: RoomImpl) => void,
  ) {
    engine.addRoom(this);
  }

  setRouting(routes: Routing): void {
    if (this.closed) throw new Error(`Room ${this.id} (call ${this.callId}) is closed: create a new room with pbx.createRoom()`);
    const unknown = legsInRouting(routes).filter((id) => !this.findLeg(id));
    if (unknown.length) {
      throw new Error(
        `Room ${this.id} (call ${this.callId}): unknown leg id(s) ${unknown.map((id) => `"${id}"`).join(', ')} in routing; ` +
          'expected ids of legs returned by pbx.callAgent()/callCustomer()',
      );
    }
    this.routing = Object.fromEntries(Object.entries(routes).map(([listener, sources]) => [listener, [...sources]]));
  }

  legs(): readonly Leg[] {
    return legsInRouting(this.routing).map((id) => this.findLeg(id)).filter((leg): leg is Leg => leg !== undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.engine.removeRoom(this);
    this.onClose(this);
  }
}
