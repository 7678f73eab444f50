/**
 * Seed 004's auto-minimise (CONFIGURACIÓN: "minimizarlo automáticamente cuando … no se encuentra
 * ninguna coincidencia y se abre la ventana de nuevo registro, o bien si se encontraron múltiples
 * coincidencias y se abre la ventana de búsqueda"): when the agent's setting is on and a pop opened
 * the new-record form or the search page, the softphone panel closes (Open CTI
 * `setSoftphonePanelVisibility`) so the agent works on that page. When the agent opens the panel
 * again, the screen pop syncs the new record and the record panel says so (docs/screen-pop.md).
 *
 * Lightning has no panel-visibility event (opencti.md: "Visibility must be queried with
 * isSoftphonePanelVisible"), so while a minimise waits for the agent the panel is asked every
 * {@link REOPEN_POLL_MS} — bounded by {@link REOPEN_WATCH_MS}, and stopped by the next pop.
 */
import type { OpenCti } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';
import type { OpenedPage, ScreenPop } from './screen-pop.ts';

/** How often a minimised panel is asked whether the agent reopened it. */
export const REOPEN_POLL_MS = 1000;
/** How long a minimise waits for the agent to reopen the panel (then the manual sync stays). */
export const REOPEN_WATCH_MS = 30 * 60_000;

/** How to build a {@link PopMinimiser}. */
export interface PopMinimiserOptions {
  readonly api: Pick<OpenCti, 'setSoftphonePanelVisibility' | 'isSoftphonePanelVisible'>;
  readonly screenPop: Pick<ScreenPop, 'onOpened' | 'reopened'>;
  /** The agent's setting (CONFIGURACIÓN), read at each pop. */
  readonly enabled: () => boolean;
  readonly warn: (message: string, cause?: unknown) => void;
}

/** Minimises the panel on the seed's two pops and notices when the agent reopens it. */
export class PopMinimiser {
  private readonly off: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every minimise: an older watch stops. */
  private generation = 0;

  constructor(private readonly options: PopMinimiserOptions) {
    this.off = options.screenPop.onOpened((page) => void this.opened(page));
  }

  private async opened(page: OpenedPage): Promise<void> {
    if (!this.options.enabled()) return;
    const generation = ++this.generation;
    clearTimeout(this.timer);
    try {
      await this.options.api.setSoftphonePanelVisibility({ visible: false });
    } catch (error) {
      this.options.warn(`could not minimise the softphone panel after the ${page} page opened: ${messageOf(error)}`, error);
      return;
    }
    this.watch(page, generation, Date.now() + REOPEN_WATCH_MS);
  }

  private watch(page: OpenedPage, generation: number, until: number): void {
    this.timer = setTimeout(() => void this.check(page, generation, until), REOPEN_POLL_MS);
  }

  private async check(page: OpenedPage, generation: number, until: number): Promise<void> {
    if (generation !== this.generation) return;
    let visible = false;
    try {
      visible = await this.options.api.isSoftphonePanelVisible();
    } catch (error) {
      this.options.warn('could not ask whether the softphone panel is open', error);
    }
    if (generation !== this.generation) return;
    if (visible) {
      await this.options.screenPop.reopened(page);
      return;
    }
    if (Date.now() < until) this.watch(page, generation, until);
  }

  dispose(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.off();
  }
}
