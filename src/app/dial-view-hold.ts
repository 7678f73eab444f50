/**
 * Holds the views of a dial in flight (issue 18, dial → ACK): from the click on Call until the dial
 * leaves `dialing` (on Neotel, the platform rings the agent's own leg, which the phone answers by
 * itself and the PBX ACKs a few tens of milliseconds later), or for at most
 * {@link DIAL_VIEW_HOLD_MAX_MS}, the owner's views are neither derived, drawn, shared with the
 * other tabs nor kept for a reload. The Dial request, the platform's INVITE, its answer and the ACK
 * then have the page's main thread to themselves, as on a bare sip.js page: the "dialing" frame
 * (the call card created, the Ready parts hidden), the focus moved onto Hang up and the listeners'
 * work used to land where the INVITE arrives and is answered (docs/benchmarks.md, "Twelfth pass
 * (b)"). The view that ends the hold is the one passed on; the held ones are dropped (each view is
 * whole: the latest says all that the held ones did).
 *
 * ```
 *   ready ──click──► dialing … dialing ──ACK──► ringing (answering) ──► connected
 *   passed            held …  held         passed (the held ones dropped)
 *                     └── or DIAL_VIEW_HOLD_MAX_MS after the first: the latest passed, the rest of the dial as usual
 * ```
 */
import type { AgentView } from '../view/agent-view.ts';

/**
 * The longest the agent waits for the panel to answer a click on Call: past this the dialing card
 * is drawn (a dial whose leg is slow, or a `sip` platform dial, `dialing` while the customer's
 * phone rings). Within 100 ms a response reads as immediate; on loopback the leg's ACK comes in
 * 45–70 ms at rest.
 */
export const DIAL_VIEW_HOLD_MAX_MS = 100;

/** Passes views on, except those of a dial in flight (see the file comment). */
export class DialViewHold {
  private held: AgentView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** This dial's hold ran out: its later views pass at once. */
  private expired = false;

  constructor(
    private readonly pass: (view: AgentView) => void,
    private readonly maxMs = DIAL_VIEW_HOLD_MAX_MS,
  ) {}

  /** Whether a view is being held now. */
  get holding(): boolean {
    return this.timer !== undefined;
  }

  /** A new view of the owner's phone: passed on now, or held while a dial is in flight. */
  offer(view: AgentView): void {
    if (view.agent.phase !== 'dialing') {
      // The dial is answered or over: this view says everything the held ones did.
      this.stop();
      this.expired = false;
      this.pass(view);
      return;
    }
    if (this.expired) {
      this.pass(view);
      return;
    }
    this.held = view;
    this.timer ??= setTimeout(() => {
      const held = this.held;
      this.stop();
      this.expired = true;
      if (held !== undefined) this.pass(held);
    }, this.maxMs);
  }

  /** Drops a held view and its timer (a view that ends the dial makes them moot). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = undefined;
  }
}
