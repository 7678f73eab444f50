/**
 * The host page's only way to build DOM: elements with attributes and children, where every
 * string child becomes a text node. Record data therefore always lands in the page as text,
 * never as markup (no innerHTML anywhere in the host page).
 */

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  /** `data-testid`, the selectors tests and docs rely on. */
  testId?: string;
  attrs?: Readonly<Record<string, string>>;
  dataset?: Readonly<Record<string, string>>;
  onClick?: (event: MouseEvent) => void;
}

/** Creates `<tag>` with the given props and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.testId) el.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.dataset ?? {})) el.dataset[name] = value;
  const onClick = props.onClick;
  if (onClick) el.addEventListener('click', (event) => onClick(event as MouseEvent));
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Glyphs standing in for the SLDS utility icons a softphone typically sets. */
const ICON_GLYPHS: Readonly<Record<string, string>> = {
  call: '☎',
  phone_portrait: '☎',
  end_call: '⛔',
  incoming_call: '↘',
  outbound_call: '↗',
  missed_call: '↯',
  unmuted: '🎤',
  muted: '🔇',
  pause: '⏸',
  play: '▶',
  info_alt: 'ℹ',
  warning: '⚠',
  error: '⛔',
  success: '✔',
  clock: '⏱',
  user: '👤',
  people: '👥',
  offline: '○',
  away: '◐',
};

/** An icon element carrying its SLDS name in `data-icon` (what tests assert). */
export function icon(key: string): HTMLElement {
  return h('span', { className: 'icon', attrs: { 'aria-hidden': 'true' }, dataset: { icon: key } }, (Object.hasOwn(ICON_GLYPHS, key) ? ICON_GLYPHS[key] : undefined) ?? '●');
}
