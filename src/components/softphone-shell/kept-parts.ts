import type { AgentView } from '../../view/agent-view.ts';

/**
 * The phases in which a part the phase does not show stays in the panel, hidden: the start of a
 * call, dialing or ringing (and the automatic answer), until it is connected or over.
 */
const KEPT_IN: ReadonlySet<AgentView['agent']['phase']> = new Set(['dialing', 'ringing']);

/**
 * The Ready parts (the number to dial, breaks, campaigns, the call history, the directory) are
 * hidden, not removed, while a call starts: the frame that drew "dialing" used to remove them and
 * build them again after the call, and Chromium computes style and layout at once when the removed
 * part holds the focus (the Call button, the number field). That frame lands where the dial's own
 * INVITE arrives and is answered (docs/benchmarks.md, "Eleventh pass (a)").
 *
 * Hidden by the shell's stylesheet (`data-hidden`, `display: none`): the `hidden` attribute on the
 * part that holds the focus forces the same style and layout as removing it, a stylesheet rule
 * does not, and the focus leaves it in Chromium's own time (the shell's FocusKeeper then puts it
 * on Hang up). Hidden, a part keeps the view it last drew, so it does not draw again for the
 * call's views; shown again (the dial failed, the caller hung up before the answer) it is the same
 * element. Once connected (after the answer's ACK) what the call does not show is removed, so a
 * call's panel holds only the call's parts: on the second draw of the connected call, not the
 * first. A dial's views are held until its leg is answered (src/app/dial-view-hold.ts), so the
 * panel often goes from Ready to the call in one draw, with the focus still on the Call button;
 * hidden in that draw, the part loses the focus in Chromium's own task, and its removal in a later
 * draw forces nothing.
 */
export class KeptParts {
  private readonly drawn = new Map<string, { readonly view: AgentView; connectedDraws: number }>();

  /**
   * The view to draw `tag` with: this one while `shown`; while a call starts and hides it (and in
   * the call's first connected draw), the view it last drew; `undefined` when it is not drawn
   * (never shown yet, or hidden outside a call's start).
   */
  viewFor(tag: string, shown: boolean, view: AgentView): AgentView | undefined {
    if (shown) {
      this.drawn.set(tag, { view, connectedDraws: 0 });
      return view;
    }
    const kept = this.drawn.get(tag);
    if (KEPT_IN.has(view.agent.phase)) return kept?.view;
    if (kept !== undefined && view.agent.phase === 'connected' && kept.connectedDraws++ === 0) return kept.view;
    this.drawn.delete(tag);
    return undefined;
  }
}
