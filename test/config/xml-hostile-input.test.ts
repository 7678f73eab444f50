/**
 * A call-center definition built to make the checker (and the Lightning emulator, which imports
 * with the same code) spend its time: read in time linear in its size, with its real problems
 * reported where they are. An attribute full of `<!--` used to cost n² (40 s at 800 KB).
 */
import { describe, expect, it } from 'vitest';
import { validateCallCenterXml } from '../../src/config/call-center-xml.ts';
import type { ConfigIssue } from '../../src/config/config-error.ts';
import { MAX_XML_LENGTH } from '../../src/config/xml-document.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../support/budgets.ts';
import { bestCpuMs } from '../support/cpu-time.ts';
import { callCenter, generalInfo } from './support.ts';

/** The issue's bound: far above the linear cost, far below the quadratic one. */
const CPU_BUDGET_MS = 100;

function errorsOf(xml: string): readonly ConfigIssue[] {
  const result = validateCallCenterXml(xml);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

// Megabyte inputs, each read several times: 4 s of wall time was seen on a loaded machine.
describe('hostile call-center definitions', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
  it('refuses an attribute holding 64 Ki "<!--" at the first "<", in well under 100 ms of CPU', () => {
    const head = '<callCenter>\n  <section sortOrder="0" name="reqGeneralInfo" label="';
    const xml = `${head}${'<!--'.repeat(64 * 1024)}">\n  </section>\n</callCenter>\n`;
    const { ms, result } = bestCpuMs(() => validateCallCenterXml(xml));
    expect(result.ok).toBe(false);
    const [issue, ...rest] = result.ok ? [] : result.errors;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'XML_SYNTAX', line: 2, column: 55, expected: 'attribute values without "<" (write it as &lt;)' });
    expect(issue?.message).toMatch(/^The call-center definition at line 2, column 55 has a "<" inside an attribute value\. Received /);
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(CPU_BUDGET_MS);
  });

  it('reads a definition near the size limit with "<!--" in an attribute in linear time', () => {
    const xml = `<callCenter>\n<section sortOrder="0" name="x" label="${'<!--'.repeat(Math.floor((MAX_XML_LENGTH - 200) / 4))}"></section>\n</callCenter>\n`;
    expect(xml.length).toBeLessThanOrEqual(MAX_XML_LENGTH);
    // The parser's own validator is most of this; the old scan alone took about a minute.
    const { ms, result } = bestCpuMs(() => validateCallCenterXml(xml), 2);
    expect(result.ok).toBe(false);
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(10 * CPU_BUDGET_MS);
  });

  it('does not let "<!--" in an attribute value hide an undefined entity after it', () => {
    const xml = callCenter(generalInfo([{ name: 'reqDisplayName', label: 'a &lt;!-- b', value: '&bogus;' }, { name: 'custom', label: '--&gt;', value: 'x' }]));
    expect(errorsOf(xml).map((issue) => issue.received)).toEqual(['<item sortOrder="1" name="reqDisplayName" label="a &lt;!-- b">&bogus;</item>']);
    const raw = '<callCenter>\n<section sortOrder="0" name="s" label="<!--" x="&bogus;" y="-->"></section>\n</callCenter>';
    expect(errorsOf(raw).map((issue) => [issue.line, issue.column, issue.message.split(' (')[0]])).toEqual([
      [2, 40, 'The call-center definition at line 2, column 40 has a "<" inside an attribute value. Received "<section sortOrder=\\"0\\" name=\\"s\\" label=\\"<!--\\" x=\\"&bogus;\\" y=\\"-->\\"></section>"; expected attribute values without "<"'],
      [2, 49, 'The call-center definition at line 2, column 49 has an undefined entity or a bare "&"'],
    ]);
  });

  it.each([
    ['many attributes', `<callCenter>${Array.from({ length: 20_000 }, (_, i) => ` a${i}="&amp;"`).join('')}</callCenter>`.replace('<callCenter>', '<callCenter').replace('"</callCenter>', '"></callCenter>')],
    ['"<?" in an attribute', `<callCenter a="${'<?'.repeat(200_000)}"></callCenter>`],
    ['"<![CDATA[" in an attribute', `<callCenter a="${'<![CDATA['.repeat(50_000)}"></callCenter>`],
    ['bare "&" in text', `<callCenter>${'&'.repeat(400_000)}</callCenter>`],
  ])('reads a definition of %s in linear time', (_name, xml) => {
    const { ms, result } = bestCpuMs(() => validateCallCenterXml(xml), 2);
    expect(result.ok).toBe(false);
    expect(ms, `CPU spent: ${ms} ms`).toBeLessThan(10 * CPU_BUDGET_MS);
  });
});
