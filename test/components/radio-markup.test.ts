/**
 * Issue 15: no native radio is drawn unstyled. Every `type="radio"` in src/components sits in an
 * SLDS radio (`label.radio`) or radio button (`label.radio-button`) inside a fieldset of class
 * `radio-group` / `radio-button-group`, and the component takes `radioStyles`
 * (src/components/shared/radio.styles.ts). e2e/components/radio-groups.test.ts checks the look.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', 'src', 'components');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('native radios in the components', () => {
  // The style module itself names the element in its comment; the templates are the rest.
  const files = sources(ROOT).filter((f) => !f.endsWith('.styles.ts') && readFileSync(f, 'utf8').includes('type="radio"'));

  it('are found (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s draws each in an SLDS radio group with the shared radio styles', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text, 'imports radioStyles').toMatch(/import \{ radioStyles \} from '\.\.\/shared\/radio\.styles\.ts'/);
    expect(text, 'adopts radioStyles').toMatch(/styles = \[[^\]]*radioStyles/);
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.includes('type="radio"')) return;
      const before = lines.slice(Math.max(0, i - 12), i + 1).join('\n');
      expect(before, `line ${i + 1}: the radio's label`).toMatch(/<label class="radio(-button)?"/);
      expect(before, `line ${i + 1}: the group's fieldset`).toMatch(/<fieldset class="radio(-button)?-group"/);
    });
  });
});
