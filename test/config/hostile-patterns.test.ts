/**
 * Regexes that backtracked n² on long runs (of slashes, spaces, `stun:`, blank lines or dots) are
 * gone from the settings, the NeoApi request builder, the panel's labels and the dev stand-ins:
 * each input below took seconds of CPU at these sizes and now takes a few milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { infoDtmfDigit } from '../../dev/neotel/pbx/sip/info-dtmf.ts';
import { shortLabel } from '../../src/components/config-error-panel/config-error-panel.ts';
import { ICE_SERVERS } from '../../src/config/setting-formats.ts';
import { buildWireRequest } from '../../src/platforms/neotel/wire-request.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../support/budgets.ts';
import { bestCpuMs } from '../support/cpu-time.ts';

const RUN = 64 * 1024;
const CPU_BUDGET_MS = 100;

describe('inputs that made a regex backtrack', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
  it('redacts TURN credentials entry by entry, up to the last @, in linear time', () => {
    expect(ICE_SERVERS.redact?.('stun:stun.acme.com turn:agent:p@ss@turn.acme.com:3478, xturn:u:p@h')).toBe('stun:stun.acme.com turn:***@turn.acme.com:3478, xturn:***@h');
    const { ms, result } = bestCpuMs(() => ICE_SERVERS.redact?.('stun:'.repeat(RUN / 5)));
    expect(result).toBe('stun:'.repeat(RUN / 5));
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it('cuts a panel label before its explanation in linear time', () => {
    expect(shortLabel('SIP WebSocket URL (required): where…')).toBe('SIP WebSocket URL');
    expect(shortLabel('Timeout:  ms')).toBe('Timeout');
    expect(shortLabel(' (odd)')).toBe(' (odd)');
    const { ms, result } = bestCpuMs(() => shortLabel(`${' '.repeat(RUN)}x`));
    expect(result).toBe(`${' '.repeat(RUN)}x`);
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it('drops the trailing slashes of the NeoApi service URL in linear time', () => {
    const url = `http://neotel.test/neoapi/webservice.asmx${'/'.repeat(RUN)}x`;
    const { ms, result } = bestCpuMs(() => buildWireRequest('GET', url, 'Position', [{ name: 'USUARIO', text: '1001' }]));
    expect(result.url.startsWith(url)).toBe(true);
    expect(buildWireRequest('GET', 'http://n.test/ws.asmx//', 'Position', []).url).toBe('http://n.test/ws.asmx/Position');
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it('reads the digit of a dtmf-relay INFO in linear time, whatever blank lines come first', () => {
    expect(infoDtmfDigit('application/dtmf-relay', 'Signal= 5 \r\nDuration=160\r\n')).toBe('5');
    const { ms, result } = bestCpuMs(() => infoDtmfDigit('application/dtmf-relay', `${'\n'.repeat(RUN)}x`));
    expect(result).toBeUndefined();
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });
});
