import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShellState, SoftphoneService } from '../view/shell-state.ts';

export const softphoneContext = createContext<SoftphoneService | undefined>(Symbol('dialtone-softphone'));

/**
 * A hidden panel gets no animation frames; its view still follows the state this often (a ringing
 * call opens the panel, and what it then shows must already be the call).
 */
const HIDDEN_FLUSH_MS = 100;

/**
 * Keeps a component in step with the service: subscribes on connect, unsubscribes on disconnect,
 * and asks the host to render when the state changed, at most once per animation frame: a call's
 * burst of state changes (INVITE, answer, SIP and NeoApi answers in the same few milliseconds)
 * is drawn once, with the latest state. A change of the shell's phase (booting → ready, → a
 * configuration error, …) is drawn at once instead, in the task that made it: it happens once
 * per boot, and the login form must not wait for a frame, or 100 ms in a hidden panel, after
 * `ready` (docs/benchmarks.md, "Tenth pass (d)").
 */
export class ShellStateController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private current: ShellState | undefined;
  private frame: number | undefined;
  private fallback: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly service: () => SoftphoneService | undefined,
  ) {
    host.addController(this);
  }

  get state(): ShellState | undefined {
    return this.current ?? this.service()?.state;
  }

  hostConnected(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.cancelFlush();
  }

  /** Call when the service arrives after connect (context provided late). */
  attach(): void {
    const service = this.service();
    if (!service || this.unsubscribe) return;
    this.current = service.state;
    this.unsubscribe = service.subscribe((state) => {
      const phaseChanged = state.phase !== this.current?.phase;
      this.current = state;
      if (phaseChanged) this.flush();
      else this.scheduleFlush();
    });
    this.host.requestUpdate();
  }

  private scheduleFlush(): void {
    if (this.frame !== undefined || this.fallback !== undefined) return;
    const flush = (): void => this.flush();
    this.frame = requestAnimationFrame(flush);
    this.fallback = setTimeout(flush, HIDDEN_FLUSH_MS);
  }

  /** Renders the latest state now (in this task's microtasks: Lit's update), dropping a pending batch. */
  private flush(): void {
    this.cancelFlush();
    this.host.requestUpdate();
  }

  private cancelFlush(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallback);
    this.frame = undefined;
    this.fallback = undefined;
  }
}
