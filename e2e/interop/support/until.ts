/** Polls `probe` every 50 ms (≤ `timeoutMs`, bounded rounds) until it returns a value; throws naming `what`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (let round = 0; round < 10_000; round++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
