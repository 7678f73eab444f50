/** What the agent sees in the panel: which element has the focus, and whether one is in view. */
import type { Frame, Locator } from 'playwright-core';

/** The id of the element that has the focus, through the shadow roots (`''` for none). */
export function focusedId(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? '';
  });
}

/** Whether `locator` lies wholly inside the frame's visible area (the utility panel). */
export function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  });
}
