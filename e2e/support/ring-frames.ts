/**
 * Records where the ringing card's Answer and Decline are at every animation frame, for the
 * layout-shift tests (e2e/components/incoming-call-shift, e2e/agent/ring-shift): a button that
 * moves while the card fills in is a press that lands beside it.
 */

/** A button's box, in CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One animation frame with Answer drawn. */
export interface RingFrame {
  readonly answer: Box;
  readonly decline: Box | null;
  /** The caller's name as drawn (`incoming-name`), or `null` when none is. */
  readonly name: string | null;
}

/**
 * Runs in the page (pass it to `evaluate`; self-contained, Playwright sends its source): from
 * the next frame on, pushes a `RingFrame` to `window.ringFrames` at every frame with Answer drawn,
 * looking through shadow roots.
 */
export function recordRingFrames(): void {
  const frames: RingFrame[] = [];
  const find = (id: string, root: Document | ShadowRoot = document): Element | null => {
    const hit = root.querySelector(`[data-testid=${id}]`);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot ? find(id, el.shadowRoot) : null;
      if (found) return found;
    }
    return null;
  };
  const box = (el: Element | null): Box | null => {
    if (!el) return null;
    const { x, y, width, height } = el.getBoundingClientRect();
    return { x, y, width, height };
  };
  const tick = (): void => {
    const answer = box(find('answer'));
    if (answer) frames.push({ answer, decline: box(find('decline')), name: find('incoming-name')?.textContent ?? null });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  (window as unknown as { ringFrames: RingFrame[] }).ringFrames = frames;
}

/** Runs in the page: what `recordRingFrames` recorded so far. */
export function recordedRingFrames(): RingFrame[] {
  return (window as unknown as { ringFrames: RingFrame[] }).ringFrames;
}

/** How far `later` is from `first`: the largest change of x, y, width or height (∞ when one is missing). */
export function moved(first: Box | null, later: Box | null): number {
  if (!first || !later) return Infinity;
  return Math.max(Math.abs(later.x - first.x), Math.abs(later.y - first.y), Math.abs(later.width - first.width), Math.abs(later.height - first.height));
}

/** The distinct boxes in order, for a failure message: `x,y,w,h → …`. */
export function boxesInOrder(boxes: readonly Box[]): string {
  return [...new Set(boxes.map((b) => [b.x, b.y, b.width, b.height].join(',')))].join(' → ');
}
