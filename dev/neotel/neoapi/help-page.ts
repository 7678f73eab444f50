/**
 * The page ASMX shows for a browser GET of `webservice.asmx` (the list of operations), and
 * `?op=<Method>` (its parameters and a test form for the HTTP POST binding).
 */
import { NEO_METHODS, NEO_OPERATIONS } from '../../../src/platforms/neotel/contract.ts';
import { noteOf } from '../../../src/platforms/neotel/contract-notes.ts';
import { htmlEncode } from './dotnet-exception.ts';

const STYLE = 'body{font-family:Verdana,sans-serif;font-size:.8em;margin:1em 2em}h1{background:#003366;color:#fff;padding:.4em}li{margin:.2em 0}td,th{padding:.2em .6em;text-align:left}';

/** The help page, or the page of one operation. */
export function helpPage(location: string, op: string | undefined): string {
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>WebService Web Service</title><style>${STYLE}</style></head><body><h1>WebService</h1>`;
  const operation = op === undefined ? undefined : NEO_OPERATIONS.get(op);
  if (operation) {
    const rows = operation.spec.params.map((p) => `<tr><td>${htmlEncode(p.name)}:</td><td><input type="text" name="${htmlEncode(p.name)}"></td><td>${p.type}${p.required ? '' : ' (optional)'}</td></tr>`).join('');
    return (
      `${head}<p>Click <a href="${htmlEncode(location)}">here</a> for a complete list of operations.</p><h2>${htmlEncode(operation.wireName)}</h2><p>${htmlEncode(noteOf(operation.spec.method).summary)}</p>` +
      `<h3>Test</h3><form target="_blank" action="${htmlEncode(`${location}/${operation.wireName}`)}" method="POST"><table>${rows}</table><input type="submit" value="Invoke"></form></body></html>`
    );
  }
  const items = NEO_METHODS.flatMap((m) => [m.method, ...m.aliases])
    .sort((a, b) => a.localeCompare(b))
    .map((name) => `<li><a href="${htmlEncode(`${location}?op=${encodeURIComponent(name)}`)}">${htmlEncode(name)}</a></li>`)
    .join('');
  return `${head}<p>The following operations are supported. For a formal definition, please review the <a href="${htmlEncode(`${location}?WSDL`)}">Service Description</a>.</p><ul>${items}</ul></body></html>`;
}
