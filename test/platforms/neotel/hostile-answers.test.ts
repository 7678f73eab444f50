/**
 * Answers a hostile or broken server (or a proxy in front of it) can send are read in time linear
 * in their size: an error page full of `<` used to cost n² (3.4 s of CPU at 64 KiB, minutes at the
 * 1 MiB body cap) inside the request, where the timeout cannot stop it.
 */
import { describe, expect, it } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { NeoApiError } from '../../../src/platforms/neotel/errors.ts';
import { decodeAnswer, type AnswerContext } from '../../../src/platforms/neotel/wire-response.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../../support/budgets.ts';
import { bestCpuMs } from '../../support/cpu-time.ts';
import { FakeFetch, soapEnvelope } from './fake-fetch.ts';

const MiB = 1024 * 1024;
/** The bound: far above the linear cost (a few ms), far below the quadratic one (minutes). */
const CPU_BUDGET_MS = 100;
const GET: AnswerContext = { binding: 'GET', wireName: 'Position', kind: 'string' };
const SOAP: AnswerContext = { binding: 'SOAP', wireName: 'Position', kind: 'string' };

function errorOf(outcome: ReturnType<typeof decodeAnswer>): NeoApiError {
  if (outcome.ok) throw new Error(`expected a refusal, got the value ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

describe('a hostile answer body', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
  it('reads a 1 MiB text/html 502 made of "<" in well under 100 ms of CPU, as an HTTP_ERROR with its text', () => {
    const body = '<'.repeat(MiB);
    const { ms, result } = bestCpuMs(() => decodeAnswer(GET, 502, 'text/html; charset=utf-8', body));
    const error = errorOf(result);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
    // No tag ever closes, so the page is all text; the message keeps its start only.
    expect(error.serverText).toMatch(/^<{500}…$/);
    expect(ms, `CPU spent on a 1 MiB "<" page: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it.each([
    ['"<"', '<'],
    ['"<title" with no ">"', '<title'],
    ['"<title>" with no close', '<title>'],
    ['"<script>" with no close', '<script>'],
    ['"<style " with no ">"', '<style '],
  ])('reads a 1 MiB 500 HTML page repeating %s in linear time', (_name, unit) => {
    const body = unit.repeat(Math.ceil(MiB / unit.length));
    const { ms, result } = bestCpuMs(() => decodeAnswer(GET, 500, 'text/html', body));
    expect(errorOf(result).code).toBe('SERVER_ERROR');
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it('still finds the title, or the text without tags, scripts and styles, of a real error page', () => {
    const titled = '<!DOCTYPE html><html><head><TITLE>Service Unavailable</TITLE></head><body>x</body></html>';
    expect(errorOf(decodeAnswer(GET, 503, 'text/html', titled)).serverText).toBe('Service Unavailable');
    const untitled = '<html><head><style>p { color: red }</style><SCRIPT>if (a < b) go()</SCRIPT  ></head><body><h1>Bad &amp; Gateway</h1><p>try <b>later</b></p></body></html>';
    expect(errorOf(decodeAnswer(GET, 502, 'text/html', untitled)).serverText).toBe('Bad & Gateway try later');
    const unclosed = '<p>Quota: <b>used</b> < 5 % left';
    expect(errorOf(decodeAnswer(GET, 502, 'text/html', unclosed)).serverText).toBe('Quota: used < 5 % left');
  });

  it('reads only the first 64 KiB of an error page for its message', () => {
    const body = `<html><body>${'x'.repeat(70 * 1024)}<title>Too far</title></body></html>`;
    const text = errorOf(decodeAnswer(GET, 502, 'text/html', body)).serverText ?? '';
    expect(text).not.toContain('Too far');
    expect(text.startsWith('xxxx')).toBe(true);
  });

  it('reads 1 MiB SOAP faults and envelopes built to backtrack in linear time', () => {
    const bodies = [
      `<soap:Envelope><soap:Body><soap:Fault>${'<faultstring'.repeat(MiB / 12)}</soap:Fault></soap:Body></soap:Envelope>`,
      `<soap:Envelope><soap:Header>${'</soap:Header><soap:Body>'.repeat(MiB / 25)}`,
      `<soap:Envelope><soap:Body>${'</soap:Body></soap:Envelope> '.repeat(MiB / 29)}x`,
    ];
    for (const body of bodies) {
      const { ms, result } = bestCpuMs(() => decodeAnswer(SOAP, 500, 'text/xml; charset=utf-8', body));
      expect(result.ok).toBe(false);
      expect(ms, `CPU spent on ${body.slice(0, 40)}…: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
    }
  });

  it('refuses 1 MiB 200 bodies of bad references, CDATA openings or attributes in linear time', () => {
    const bodies = [`<string xmlns="x">${'&amp'.repeat(MiB / 4)}</string>`, `<string>${'<![CDATA['.repeat(MiB / 9)}</string>`, `<string${' a'.repeat(MiB / 2)}`, `<string>${'</string '.repeat(MiB / 9)}`];
    for (const body of bodies) {
      const { ms, result } = bestCpuMs(() => decodeAnswer(GET, 200, 'text/xml; charset=utf-8', body));
      expect(errorOf(result).code).toBe('MALFORMED_RESPONSE');
      expect(ms, `CPU spent on ${body.slice(0, 40)}…: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
    }
  });

  it('still reads a SOAP fault whose text says who failed', () => {
    const fault = soapEnvelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 1001 not logged.</faultstring><detail /></soap:Fault>');
    const error = errorOf(decodeAnswer(SOAP, 500, 'text/xml; charset=utf-8', fault));
    expect(error).toMatchObject({ code: 'NOT_LOGGED', serverText: '1001 not logged.' });
  });

  it('turns the 1 MiB "<" page into a typed error through the real client well inside its timeout', async () => {
    const fake = new FakeFetch().reply({ status: 502, body: '<'.repeat(MiB), contentType: 'text/html' });
    const neo = new NeoApiClient({ serviceUrl: 'http://neotel.test/neoapi/webservice.asmx', binding: 'GET', timeoutMs: 5000, fetch: fake.fetch });
    const start = process.cpuUsage();
    const error = await neo.position('1001').catch((caught: unknown) => caught);
    const spent = process.cpuUsage(start);
    expect(error).toBeInstanceOf(NeoApiError);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502 });
    // Reading 1 MiB off a Response costs more than scanning it; the bound only rules out n².
    expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
  });
});
