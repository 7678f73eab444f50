import { hasControlCharacter } from '../../shared/text-checks.ts';

/**
 * HTTP hook templates of the `sip` platform: an admin-configured request (seed 001 "Requisições
 * HTTP": URL, method, headers, body) with placeholders filled per call. Parsed once from the
 * setting (so a bad template is a settings error naming the setting), rendered per request with
 * each value encoded for where it lands:
 *
 *   URL       encodeURIComponent                 ?telefone={telefone} → ?telefone=%2B5491155550000
 *   header    as is; CR, LF and other controls refused (no header injection)
 *   body      JSON string escaping when the Content-Type is JSON (`"{ramal}"` → `"10\"01"`),
 *             form encoding when it is application/x-www-form-urlencoded, else as is
 *
 * A setting is one JSON object:
 *   {"method":"POST","url":"https://pbx.example/click2call",
 *    "headers":{"Content-Type":"application/json"},
 *    "body":"{\"ramal\":\"{ramal}\",\"telefone\":\"{telefone}\",\"chave\":\"{chave}\"}",
 *    "timeoutMs":5000}
 */

/** The placeholders a template may use. `chave` is the deployment's secret: never logged. */
export const HOOK_PLACEHOLDERS = ['ramal', 'telefone', 'chave', 'callId', 'recordId', 'crmKey', 'contactId', 'url_audio', 'agent'] as const;
export type HookPlaceholder = (typeof HOOK_PLACEHOLDERS)[number];
export type HookValues = Readonly<Partial<Record<HookPlaceholder, string>>>;

export const HOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH'] as const;
export type HookMethod = (typeof HOOK_METHODS)[number];

/** A parsed, validated request template. */
export interface HookTemplate {
  readonly method: HookMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly timeoutMs: number;
}

/** A request ready for `fetch`. */
export interface RenderedHook {
  readonly method: HookMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly timeoutMs: number;
}

export const HOOK_TEMPLATE_EXPECTED =
  'a JSON object {"method":"POST","url":"https://…/click2call?ramal={ramal}","headers":{"Content-Type":"application/json"},"body":"…{telefone}…","timeoutMs":5000} ' +
  `using only the placeholders ${HOOK_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`;

export type TemplateParse = { readonly ok: true; readonly value: HookTemplate } | { readonly ok: false; readonly problem: string };

const PLACEHOLDER = /\{([A-Za-z_]+)\}/g;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const MIN_TIMEOUT_MS = 500;
const MAX_TIMEOUT_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 5000;

/** Parses and checks a template; `problem` says what is wrong and where. */
export function parseHookTemplate(text: string, options: { loopbackHttpAllowed: (host: string) => boolean }): TemplateParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'it is not a JSON object' };
  const record = raw as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !['method', 'url', 'headers', 'body', 'timeoutMs'].includes(key));
  if (unknownKey !== undefined) return { ok: false, problem: `unknown key ${JSON.stringify(unknownKey)} (allowed: method, url, headers, body, timeoutMs)` };
  const method = typeof record.method === 'string' ? record.method.toUpperCase() : record.method === undefined ? 'GET' : null;
  if (method === null || !(HOOK_METHODS as readonly string[]).includes(method)) return { ok: false, problem: `"method" ${JSON.stringify(record.method)} is not one of ${HOOK_METHODS.join(', ')}` };
  if (typeof record.url !== 'string') return { ok: false, problem: '"url" is missing or not a string' };
  const placeholderProblem = checkPlaceholders('url', record.url);
  if (placeholderProblem) return { ok: false, problem: placeholderProblem };
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(record.url.replace(PLACEHOLDER, 'x'));
  } catch {
    return { ok: false, problem: `"url" ${JSON.stringify(record.url)} is not an absolute URL` };
  }
  if (parsedUrl.protocol !== 'https:' && !(parsedUrl.protocol === 'http:' && options.loopbackHttpAllowed(parsedUrl.hostname))) {
    return { ok: false, problem: `"url" must be https:// (plain http:// only for localhost), got ${parsedUrl.protocol}//` };
  }
  if ((/^[a-z][\w+.-]*:\/\/([^/?#]*)/i.exec(record.url)?.[1] ?? '').includes('{')) {
    return { ok: false, problem: '"url": placeholders may not be in the scheme or host' };
  }
  const headers: Record<string, string> = {};
  if (record.headers !== undefined) {
    if (typeof record.headers !== 'object' || record.headers === null || Array.isArray(record.headers)) return { ok: false, problem: '"headers" must be an object of name → value' };
    for (const [name, value] of Object.entries(record.headers as Record<string, unknown>)) {
      if (!HEADER_NAME.test(name)) return { ok: false, problem: `header name ${JSON.stringify(name)} is not a valid HTTP header name` };
      if (typeof value !== 'string' || hasControlCharacter(value)) return { ok: false, problem: `header ${name}: the value must be a string without line breaks or control characters` };
      const problem = checkPlaceholders(`header ${name}`, value);
      if (problem) return { ok: false, problem };
      headers[name] = value;
    }
  }
  let body: string | null = null;
  if (record.body !== undefined && record.body !== null) {
    if (typeof record.body !== 'string') return { ok: false, problem: '"body" must be a string (the request body, with placeholders)' };
    if (method === 'GET') return { ok: false, problem: 'a GET request cannot have a "body": put the values in the URL' };
    const problem = checkPlaceholders('body', record.body);
    if (problem) return { ok: false, problem };
    body = record.body;
  }
  const timeoutMs = record.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : record.timeoutMs;
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS) {
    return { ok: false, problem: `"timeoutMs" ${JSON.stringify(record.timeoutMs)} is not a whole number from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}` };
  }
  return { ok: true, value: { method: method as HookMethod, url: record.url, headers, body, timeoutMs } };
}

function checkPlaceholders(where: string, text: string): string | undefined {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!(HOOK_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `${where}: unknown placeholder {${name}} (known: ${HOOK_PLACEHOLDERS.map((known) => `{${known}}`).join(', ')})`;
    }
  }
  return undefined;
}

/** Thrown by {@link renderHook} when a value cannot go where the template puts it. */
export class HookRenderError extends Error {
  override readonly name = 'HookRenderError';
}

/** Fills the template; a value with line breaks for a header, or a missing required value, throws HookRenderError. */
export function renderHook(template: HookTemplate, values: HookValues): RenderedHook {
  const valueOf = (name: string): string => values[name as HookPlaceholder] ?? '';
  const url = template.url.replace(PLACEHOLDER, (_match, name: string) => encodeURIComponent(valueOf(name)));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers)) {
    headers[name] = value.replace(PLACEHOLDER, (_match, placeholder: string) => {
      const filled = valueOf(placeholder);
      if (hasControlCharacter(filled)) throw new HookRenderError(`Header ${name}: the value of {${placeholder}} has a line break or control character (refused: it would inject a header).`);
      return filled;
    });
  }
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1]?.toLowerCase() ?? '';
  const encodeBody = contentType.includes('json')
    ? (value: string) => JSON.stringify(value).slice(1, -1)
    : contentType.includes('x-www-form-urlencoded')
      ? (value: string) => encodeURIComponent(value)
      : (value: string) => value;
  const body = template.body === null ? null : template.body.replace(PLACEHOLDER, (_match, name: string) => encodeBody(valueOf(name)));
  return { method: template.method, url, headers, body, timeoutMs: template.timeoutMs };
}

/** The request as safe to log: the secret `chave` value replaced wherever it appears. */
export function describeHookForLog(request: RenderedHook, secret: string | undefined): string {
  const hide = (text: string): string => {
    if (secret === undefined || secret === '') return text;
    return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)].reduce((acc, form) => acc.split(form).join('***'), text);
  };
  return hide(`${request.method} ${request.url}`);
}
