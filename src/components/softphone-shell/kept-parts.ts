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
 * call's panel holds only the call's parts.
 *
 * Outside a call's start, a part that holds the focus is hidden rather than removed, and removed on
 * the next draw, by when the focus has left it (`lingering`: the shell asks for that draw when idle). A
 * dial's views wait for its leg's ACK (src/app/dial-view-hold.ts), so the panel often goes from
 * Ready to the connected call in one draw, with the focus still on the Call button.
 */
export class KeptParts {
  private readonly drawn = new Map<string, AgentView>();
  /** Parts hidden only because they held the focus: removed on a draw once it left them. */
  private readonly focused = new Set<string>();

  /**
   * The view to draw `tag` with: this one while `shown`; while a call starts and hides it, or while
   * it holds the focus (`hasFocus`), the view it last drew; `undefined` when it is not drawn (never
   * shown yet, or hidden outside a call's start without the focus).
   */
  viewFor(tag: string, shown: boolean, view: AgentView, hasFocus = false): AgentView | undefined {
    // One draw at most: the focus leaves a hidden element at once, and the part must not stay for good.
    const lingered = this.focused.delete(tag);
    if (shown) {
      this.drawn.set(tag, view);
      return view;
    }
    const kept = this.drawn.get(tag);
    if (KEPT_IN.has(view.agent.phase)) return kept;
    if (kept !== undefined && hasFocus && !lingered) {
      this.focused.add(tag);
      return kept;
    }
    this.drawn.delete(tag);
    return undefined;
  }

  /** A part is drawn hidden only because it held the focus: draw again once the focus has moved. */
  get lingering(): boolean {
    return this.focused.size > 0;
  }
}
