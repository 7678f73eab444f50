import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LazyElements } from '../../src/components/shared/lazy-elements.ts';

/** A minimal `customElements` registry: `define` resolves `whenDefined`, as in the browser. */
function fakeRegistry() {
  const defined = new Set<string>();
  const waiting = new Map<string, () => void>();
  const promises = new Map<string, Promise<void>>();
  return {
    get: (tag: string) => (defined.has(tag) ? Object : undefined),
    define: (tag: string) => {
      defined.add(tag);
      waiting.get(tag)?.();
    },
    whenDefined: (tag: string) => {
      if (defined.has(tag)) return Promise.resolve();
      let p = promises.get(tag);
      if (!p) {
        p = new Promise<void>((resolve) => waiting.set(tag, resolve));
        promises.set(tag, p);
      }
      return p;
    },
  };
}

describe('LazyElements (panel parts defined on first need)', () => {
  let registry: ReturnType<typeof fakeRegistry>;
  beforeEach(() => {
    registry = fakeRegistry();
    vi.stubGlobal('customElements', registry);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('loads the module once, says loading until the tag is defined, then tells the shell to redraw', async () => {
    const loader = vi.fn(() => Promise.resolve().then(() => registry.define('x-panel')));
    const parts = new LazyElements({ 'x-panel': loader });
    const changes = vi.fn();
    parts.onChange(changes);
    expect(parts.state('x-panel')).toBe('loading');
    expect(parts.state('x-panel')).toBe('loading');
    await parts.preload();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(parts.state('x-panel')).toBe('defined');
  });

  it('a chunk that fails to load is "failed" with its cause (the shell draws a warning), and the others still load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cause = new Error('Failed to fetch dynamically imported module');
    const parts = new LazyElements({
      'x-broken': () => Promise.reject(cause),
      'x-fine': () => Promise.resolve().then(() => registry.define('x-fine')),
    });
    await parts.preload();
    expect(parts.state('x-broken')).toBe('failed');
    expect(parts.failure('x-broken')).toBe(cause);
    expect(parts.state('x-fine')).toBe('defined');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<x-broken>'), cause);
  });

  it('an unknown tag is a clear error naming the registered ones', () => {
    const parts = new LazyElements({ 'x-panel': () => Promise.resolve() });
    expect(() => parts.state('x-other')).toThrow(/<x-other>: no module registered \(registered: x-panel\)/);
  });
});
