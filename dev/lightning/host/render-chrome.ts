import type { ChromeState } from '../views/rendered.ts';
import { h, icon, replaceChildren } from './dom.ts';

/** The parts of the console around the main area that the softphone can change. */
export interface ChromeElements {
  banners: HTMLElement;
  panel: HTMLElement;
  panelHeader: HTMLElement;
  utilityItem: HTMLButtonElement;
}

/**
 * Draws the utility-bar item (label/icon from `setSoftphoneItem*`), the panel header
 * (`setSoftphonePanel*`), its visibility and size, and the admin banners.
 */
export function renderChrome(elements: ChromeElements, chrome: ChromeState, onToggle: (visible: boolean) => void): void {
  const { panel, item } = chrome;
  replaceChildren(
    elements.utilityItem,
    icon(item.icon),
    h('span', { className: 'utility-item__label', testId: 'utility-item-label' }, item.label),
  );
  elements.utilityItem.setAttribute('aria-expanded', String(panel.visible));
  elements.utilityItem.onclick = () => onToggle(!panel.visible);

  elements.panel.hidden = !panel.visible;
  elements.panel.style.height = `${panel.heightPX}px`;
  elements.panel.style.width = `${panel.widthPX}px`;
  elements.panel.dataset.heightPx = String(panel.heightPX);
  elements.panel.dataset.widthPx = String(panel.widthPX);
  replaceChildren(
    elements.panelHeader,
    icon(panel.icon),
    h('h2', { className: 'utility-panel__label', testId: 'panel-label' }, panel.label),
    h('button', { className: 'utility-panel__minimize', testId: 'panel-minimize', attrs: { type: 'button', title: 'Minimize' }, onClick: () => onToggle(false) }, '—'),
  );

  document.body.dataset.clickToDial = chrome.clickToDialEnabled ? 'enabled' : 'disabled';
  replaceChildren(elements.banners, ...chrome.banners.map((text) => h('div', { className: 'banner', testId: 'banner', attrs: { role: 'status' } }, text)));
}
