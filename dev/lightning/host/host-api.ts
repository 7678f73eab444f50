import type { BootInfo, HostUpdate } from '../views/rendered.ts';

/** The page's calls to the emulator server (`/__host/*`). */
export class HostApi {
  tabId = '';

  async boot(): Promise<BootInfo> {
    const boot = await postJson<BootInfo>('/__host/tabs', { origin: location.origin, path: location.pathname + location.search });
    this.tabId = boot.tabId;
    return boot;
  }

  /** Posts to a tab endpoint and returns the update to apply. */
  tab(path: string, body: unknown = {}): Promise<HostUpdate> {
    return postJson<HostUpdate>(`/__host/tabs/${encodeURIComponent(this.tabId)}/${path}`, body);
  }

  ack(seq: number): Promise<unknown> {
    return postJson(`/__host/tabs/${encodeURIComponent(this.tabId)}/acks`, { seq });
  }

  events(): EventSource {
    return new EventSource(`/__host/tabs/${encodeURIComponent(this.tabId)}/events`);
  }
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
