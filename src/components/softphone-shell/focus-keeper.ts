import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentState } from '../../call/index.ts';
import { whenIdle } from '../../shared/when-idle.ts';
import { FOCUSABLE, deepActiveElement, deepQueryAll, firstUsable, usable } from './deep-query.ts';

/**
 * Keeps the keyboard focus on a sensible control (issue 15, "Keyboard and screen reader"):
 *
 * - **After an action.** The control the agent used often goes away or is disabled while the
 *   platform confirms (Take a break, Back to work, Enter campaign, Save disposition), and the
 *   browser drops the focus to `<body>`, out of the panel for a screen reader. Once the view has
 *   settled, the focus goes to what comes next: Answer while ringing, Hang up in a call,
 *   Available again in wrap-up, Back to work on a break, else the first control of the part the
 *   agent was using (Take a break again, Leave campaign), else the number field. While that part
 *   only has disabled controls (the platform is confirming), it waits for the next update.
 * - **When the panel opens.** The utility panel going from hidden to shown moves the focus into
 *   it (the same choice), so a keyboard user does not have to find the frame; opened while it
 *   boots, the focus waits on `<main>` for the first control (the login field) to be drawn.
 *
 * It never pulls the focus while the agent is elsewhere: only when this frame has the focus and
 * nothing in it is focused because the control was removed or disabled, or when the panel opens.
 */
export class FocusKeeper implements ReactiveController {
  /** The control that last had the focus, and the component it belongs to. */
  private last: { control: HTMLElement; part: Element | null } | undefined;
  private observer: IntersectionObserver | undefined;
  private shown: boolean | undefined;
  /** The focus fell to <body> because its control went away or was disabled; not yet put back. */
  private lost = false;
  /** Cancels the restore that is waiting for an idle moment. */
  private pending: (() => void) | undefined;
  /**
   * `focusPanel` found no control (the panel opened while booting) and left the focus on `<main>`:
   * the first control drawn takes it. Not after a click on an empty spot, which also focuses `<main>`.
   */
  private parked = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly agent: () => AgentState | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => this.onVisibility(entries.at(-1)?.isIntersecting ?? false));
      this.observer.observe(this.host);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.pending?.();
    this.pending = undefined;
  }

  hostUpdated(): void {
    if (this.last === undefined) return;
    // Once the components drew this update (their updates are microtasks queued before this one):
    // a control disabled while the platform answers counts as lost, even if the restore below runs
    // only after the update that enables it again. Reads no style or layout.
    queueMicrotask(() => this.noteDisabled());
    if (this.pending !== undefined) return;
    // After the frame showed it, when nothing is waiting: what `restore` reads (is the control
    // drawn?) and `focus()` need style and layout, which are then up to date instead of computed
    // early on a call's path; a burst of updates restores once.
    this.pending = whenIdle(() => {
      this.pending = undefined;
      this.restore();
    });
  }

  /** Moves the focus into the panel (the utility item was opened). */
  focusPanel(): void {
    const target = this.choose(null);
    if (target) target.focus();
    else this.host.shadowRoot?.querySelector<HTMLElement>('main')?.focus();
    this.parked = target === undefined;
  }

  /**
   * Before each update: the control that has the focus now, the one an action may take away.
   * (Read here rather than from `focusin`: a focus move between two controls of the panel is not
   * dispatched to the host, its target and related target being the host after retargeting.)
   */
  hostUpdate(): void {
    const control = deepActiveElement(this.host.ownerDocument);
    if (!(control instanceof HTMLElement) || control === this.host.ownerDocument.body || control === this.host) return;
    const root = control.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    this.last = { control, part: root.host === this.host ? null : root.host };
  }

  private onVisibility(visible: boolean): void {
    const was = this.shown;
    this.shown = visible;
    // Not at load (an adapter preloaded in a visible panel must not take the page's focus).
    if (was === false && visible) requestAnimationFrame(() => this.focusPanel());
  }

  private noteDisabled(): void {
    const doc = this.host.ownerDocument;
    const active = deepActiveElement(doc);
    if (doc.hasFocus() && active instanceof HTMLElement && 'disabled' in active && active.disabled === true) this.lost = true;
  }

  private restore(): void {
    const last = this.last;
    const doc = this.host.ownerDocument;
    if (last === undefined || !doc.hasFocus()) return;
    const active = deepActiveElement(doc);
    const parked = this.parked && active instanceof HTMLElement && active.localName === 'main' && active.getRootNode() === this.host.shadowRoot;
    this.parked = parked;
    if (parked) {
      const target = this.choose(null);
      if (target) {
        target.focus();
        this.parked = false;
      }
      return;
    }
    if (active instanceof HTMLElement && active !== doc.body) {
      // Chromium keeps the focus on a button disabled while the platform answers, and drops it
      // later: remember that it is as good as lost.
      this.lost = !usable(active);
      return;
    }
    // The agent clicked an empty spot: their control is still there and usable; leave it. (Once
    // lost, a control disabled during the platform's answer and enabled again does not count.)
    if (!this.lost && last.control.isConnected && usable(last.control)) return;
    this.lost = true;
    // In a call the next step (Answer, Hang up) can be drawn but disabled for a moment (Hang up
    // while the platform's leg is being answered automatically): wait for the update that enables
    // it rather than settle on a fallback, which would keep the focus from Hang up for the call.
    if (waitsForNextStep(this.agent()) && firstUsable(this.host.shadowRoot ?? doc, nextStep(this.agent()), (e) => e.isConnected) !== undefined && firstUsable(this.host.shadowRoot ?? doc, nextStep(this.agent())) === undefined) return;
    const part = last.part?.isConnected === true ? last.part : null;
    const controls = part?.shadowRoot ? deepQueryAll(part.shadowRoot, FOCUSABLE) : [];
    if (controls.length > 0 && !controls.some(usable) && firstUsable(this.host.shadowRoot ?? doc, nextStep(this.agent())) === undefined) return;
    const target = this.choose(part);
    if (!target) return;
    target.focus();
    this.lost = false;
  }

  /** What comes next in this state (see the class comment). */
  private choose(part: Element | null): HTMLElement | undefined {
    const root = this.host.shadowRoot;
    if (!root) return undefined;
    const next = firstUsable(root, nextStep(this.agent()));
    if (next) return next;
    // In the part the agent was using, a button (Take a break again, Leave campaign) before a field.
    const inPart = part?.shadowRoot ? (deepQueryAll(part.shadowRoot, 'button').find(usable) ?? deepQueryAll(part.shadowRoot, FOCUSABLE).find(usable)) : undefined;
    return inPart ?? firstUsable(root, ['dial-input', 'login-device', 'login-submit', 'status-menu']);
  }
}

/** Whether the phase's next step enables itself (a call's), so a disabled one is worth waiting for. */
function waitsForNextStep(agent: AgentState | undefined): boolean {
  return agent?.phase === 'ringing' || agent?.phase === 'dialing' || agent?.phase === 'connected';
}

/** The controls that are the next step in a phase, most likely first. */
function nextStep(agent: AgentState | undefined): readonly string[] {
  switch (agent?.phase) {
    case 'ringing':
      return ['answer'];
    case 'dialing':
    case 'connected':
      return ['hang-up'];
    case 'wrapUp':
      return ['available'];
    case 'ready':
      return agent.session.availability.kind === 'onBreak' ? ['unpause'] : [];
    default:
      return [];
  }
}
