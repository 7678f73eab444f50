/**
 * The control page (`GET /control/`): a person plays the customer in a demo — call a queue, press
 * keys, speak a tone, hang up, start/stop the dialer — and watches positions, calls and the NeoApi
 * requests. Plain HTML + fetch; every value from the simulation is inserted as text, never HTML.
 */

const SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
async function api(method, path, body) {
  const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  $('status').textContent = res.ok ? method + ' ' + path + ' → ' + res.status : (json.error || res.status);
  return json;
}
function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
function button(td, label, onClick) { const b = document.createElement('button'); b.type = 'button'; b.textContent = label; b.addEventListener('click', onClick); td.appendChild(b); }
let lastSeq = 0;
async function refresh() {
  const state = await fetch('/control/state').then((r) => r.json());
  $('dialer').textContent = state.dialer.running ? 'running' : 'stopped';
  const fault = await fetch('/control/faults/neoapi').then((r) => r.json());
  $('fault').textContent = fault.mode === 'none' ? 'none' : fault.mode + ' on ' + (fault.methods ? fault.methods.join(', ') : 'every method') + (fault.remaining === null ? '' : ' (' + fault.remaining + ' left)') + ', ' + fault.hanging + ' hanging';
  const calls = $('calls'); calls.replaceChildren();
  for (const call of state.calls) {
    const row = document.createElement('tr');
    [call.id, call.kind, call.phase, call.number, call.agent || '', call.queue || '', call.campaign || ''].forEach((v) => cell(row, String(v)));
    const actions = cell(row, '');
    button(actions, 'Hang up', () => api('POST', '/control/calls/' + call.id + '/hangup'));
    button(actions, 'Keys', () => { const d = prompt('Digits'); if (d) api('POST', '/control/calls/' + call.id + '/digits', { digits: d }); });
    button(actions, 'Tone', () => { const hz = Number(prompt('Tone Hz', '1000')); if (hz) api('POST', '/control/calls/' + call.id + '/tone', { hz, durationMs: 2000 }); });
    calls.appendChild(row);
  }
  const positions = $('positions'); positions.replaceChildren();
  for (const p of state.positions) { const pre = document.createElement('pre'); pre.textContent = p.position.split('|').join('|\n'); const h = document.createElement('h3'); h.textContent = p.user + ' @ ' + p.device; positions.append(h, pre); }
  const requests = await fetch('/control/requests?since=' + lastSeq).then((r) => r.json());
  for (const r of requests) {
    lastSeq = r.seq;
    const li = document.createElement('li');
    li.textContent = r.at.slice(11, 19) + ' ' + r.binding + ' ' + r.method + ' ' + JSON.stringify(r.params) + ' → ' + r.status + (r.status === 200 ? '' : ' ' + r.response.trim());
    $('requests').prepend(li);
  }
}
$('inbound').addEventListener('submit', (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const body = { number: f.get('number'), queue: Number(f.get('queue')) };
  for (const k of ['clave', 'data', 'dnis']) if (f.get(k)) body[k] = f.get(k);
  if (f.get('toneHz')) body.toneHz = Number(f.get('toneHz'));
  api('POST', '/control/inbound', body);
});
$('faults').addEventListener('submit', (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const body = { mode: f.get('mode') };
  const methods = String(f.get('methods') || '').split(',').map((m) => m.trim()).filter(Boolean);
  if (methods.length) body.methods = methods;
  if (f.get('count')) body.count = Number(f.get('count'));
  api('POST', '/control/faults/neoapi', body);
});
$('clear-fault').addEventListener('click', () => api('DELETE', '/control/faults/neoapi'));
$('drop-sip').addEventListener('click', () => {
  const device = $('drop-device').value.trim();
  const refuseMs = Number($('drop-refuse').value);
  api('POST', '/control/sip/drop', Object.assign(device ? { device } : {}, refuseMs > 0 ? { refuseMs } : {}));
});
$('start').addEventListener('click', () => api('POST', '/control/dialer', { running: true }));
$('stop').addEventListener('click', () => api('POST', '/control/dialer', { running: false }));
$('reset').addEventListener('click', () => { if (confirm('Reset the simulator?')) api('POST', '/control/reset', {}); });
setInterval(() => refresh().catch((e) => { $('status').textContent = String(e); }), 1000);
refresh();
`;

/** The HTML of the control page. */
export function controlPage(): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Neotel simulator — control</title>
<style>body{font-family:system-ui,sans-serif;margin:1em 2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}
pre{background:#f6f6f6;padding:.5em;font-size:.75em;max-height:14em;overflow:auto}#requests{font-family:monospace;font-size:.8em;max-height:20em;overflow:auto}
form label{margin-right:.8em}</style></head>
<body>
<h1>Neotel simulator</h1>
<p role="status" id="status" aria-live="polite"></p>
<section aria-labelledby="h-in"><h2 id="h-in">Call a queue as a customer</h2>
<form id="inbound">
<label>Number <input name="number" value="2615554444" required></label>
<label>Queue <input name="queue" type="number" value="3" required></label>
<label>Key (DATA / CLAVESF) <input name="data" placeholder="003Dt000HccIdlkIIC"></label>
<label>IVR CLAVE <input name="clave" placeholder="RUT=6007453;ANI=223126917;"></label>
<label>DNIS <input name="dnis"></label>
<label>Tone Hz <input name="toneHz" type="number" value="600"></label>
<button type="submit">Call</button></form></section>
<section aria-labelledby="h-dialer"><h2 id="h-dialer">Dialer: <span id="dialer"></span></h2>
<button id="start" type="button">Start</button> <button id="stop" type="button">Stop</button> <button id="reset" type="button">Reset simulator</button></section>
<section aria-labelledby="h-faults"><h2 id="h-faults">Failure injection — NeoApi fault: <span id="fault"></span></h2>
<form id="faults">
<label>Mode <select name="mode"><option>error500</option><option>hang</option><option>reset</option></select></label>
<label>Methods <input name="methods" placeholder="all, or Login, Position"></label>
<label>Count <input name="count" type="number" min="1" placeholder="until cleared"></label>
<button type="submit">Set fault</button> <button id="clear-fault" type="button">Clear fault</button></form>
<p><label>Device <input id="drop-device" placeholder="all, or SIP/1001"></label>
<label>Refuse reconnects (ms) <input id="drop-refuse" type="number" min="0" value="0"></label>
<button id="drop-sip" type="button">Drop SIP WebSockets</button></p></section>
<section aria-labelledby="h-calls"><h2 id="h-calls">Calls</h2>
<table><thead><tr><th>IDLLAMADA</th><th>kind</th><th>phase</th><th>number</th><th>agent</th><th>queue</th><th>campaign</th><th>customer</th></tr></thead><tbody id="calls"></tbody></table></section>
<section aria-labelledby="h-pos"><h2 id="h-pos">Positions</h2><div id="positions"></div></section>
<section aria-labelledby="h-req"><h2 id="h-req">NeoApi requests</h2><ul id="requests"></ul></section>
<script>${SCRIPT}</script>
</body></html>`;
}
