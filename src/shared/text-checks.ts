/**
 * Small text checks every layer needs (config validation, platform adapters): pure, no imports.
 */

/** C0 controls and DEL: never meaningful in a setting, and they garble the UI and logs. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Host names that only ever reach this machine: the only ones allowed over plain http/ws. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/u, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/u.test(host)
  );
}
