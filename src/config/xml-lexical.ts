/**
 * The lexical checks fast-xml-parser's validator does not make on a call-center definition: no
 * DOCTYPE, only the five predefined entities and valid character references, and no `<` inside an
 * attribute value (XML 1.0 `AttValue`; Salesforce's importer refuses it).
 *
 * One pass, left to right, that knows where comments, CDATA sections, processing instructions,
 * tags and quoted attribute values start and end, so `<!--` inside an attribute value is text,
 * not a comment that would hide what follows. Every offset is visited a bounded number of times
 * and a search that found nothing ends the scan: linear in the file's length, whatever it holds
 * (an unanchored `<!--[\s\S]*?-->` regex costs n² on an attribute full of `<!--`).
 */
import { describeValue } from '../shared/errors.ts';
import type { ConfigErrorCode, ConfigIssue } from './config-error.ts';

/** Where an offset is, 1-based (xml-document.ts builds it once per file). */
export interface OffsetPositions {
  at(offset: number): { readonly line: number; readonly column: number };
}

/** A Map, not an object: `&constructor;` must not find Object.prototype's members. */
export const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** The most problems reported at once: past that the file is not a definition. */
const MAX_ISSUES = 20;

/** XML 1.0 `Char`: what a character reference may stand for. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** The text of the line at `line`, trimmed: the most useful "value received" for a syntax error. */
export function lineText(text: string, line: number): string {
  return (text.split(/\r\n|\r|\n/u)[line - 1] ?? '').trim();
}

/** Builds the issue for a problem at `position` (`undefined`: the whole file). */
export function syntaxIssue(
  code: ConfigErrorCode,
  problem: string,
  position: { readonly line: number; readonly column: number } | undefined,
  received: string | undefined,
  expected: string,
): ConfigIssue {
  const at = position === undefined ? '' : ` at line ${position.line}, column ${position.column}`;
  const message = `The call-center definition${at} ${problem}. Received ${describeValue(received)}; expected ${expected}.`;
  return { code, path: '/', label: undefined, received, expected, message, ...position };
}

const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*)?;?/y;
const MARKUP_OR_REFERENCE = /[<&]/g;

class LexicalScan {
  readonly issues: ConfigIssue[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: OffsetPositions,
  ) {}

  private report(offset: number, code: ConfigErrorCode, problem: string, expected: string): void {
    const position = this.lines.at(offset);
    this.issues.push(syntaxIssue(code, problem, position, lineText(this.text, position.line), expected));
  }

  /** Checks the reference at `amp`; returns the offset after it. */
  private reference(amp: number): number {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(this.text);
    const whole = match?.[0] ?? '&';
    const name = match?.[1];
    const known =
      whole.endsWith(';') &&
      name !== undefined &&
      (name.startsWith('#') ? isXmlChar(name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : PREDEFINED_ENTITIES.has(name));
    if (!known) {
      this.report(
        amp,
        'XML_SYNTAX',
        `has an undefined entity or a bare "&" (${describeValue(whole)})`,
        '&amp; &lt; &gt; &quot; &apos; or a character reference such as &#233; (write & itself as &amp;)',
      );
    }
    return amp + whole.length;
  }

  /** Checks an attribute value between `start` and `end` (the closing quote). */
  private attributeValue(start: number, end: number): void {
    // Searched within the value only: a search running on to the next `<` of the file would cost
    // the rest of the file for every attribute.
    const value = this.text.slice(start, end);
    const lessThan = value.indexOf('<');
    // One report per value, however many `<` it holds.
    if (lessThan !== -1) this.report(start + lessThan, 'XML_SYNTAX', 'has a "<" inside an attribute value', 'attribute values without "<" (write it as &lt;)');
    for (let amp = value.indexOf('&'); amp !== -1 && this.issues.length < MAX_ISSUES; amp = value.indexOf('&', amp + 1)) {
      amp = this.reference(start + amp) - start - 1;
    }
  }

  /** Walks a start tag from `lt`; returns the offset after its `>`, or -1 when it never ends. */
  private startTag(lt: number): number {
    const delimiter = /["'>]/g;
    delimiter.lastIndex = lt + 1;
    for (;;) {
      const match = delimiter.exec(this.text);
      if (match === null) return -1;
      if (match[0] === '>') return match.index + 1;
      const close = this.text.indexOf(match[0], match.index + 1);
      if (close === -1) return -1;
      this.attributeValue(match.index + 1, close);
      delimiter.lastIndex = close + 1;
    }
  }

  /** Offset after `terminator` searched from `from`, or -1. */
  private after(from: number, terminator: string): number {
    const at = this.text.indexOf(terminator, from);
    return at === -1 ? -1 : at + terminator.length;
  }

  /** Skips the markup at `lt`; returns the offset after it, or -1 when it never ends. */
  private markup(lt: number): number {
    const { text } = this;
    if (text.startsWith('<!--', lt)) return this.after(lt + 4, '-->');
    if (text.startsWith('<![CDATA[', lt)) return this.after(lt + 9, ']]>');
    if (text.startsWith('<?', lt)) return this.after(lt + 2, '?>');
    if (text.slice(lt, lt + 9).toUpperCase() === '<!DOCTYPE') {
      this.report(lt, 'XML_STRUCTURE', 'has a DOCTYPE declaration, which is not allowed', 'no DOCTYPE: a call-center definition starts with <callCenter>');
      return this.after(lt + 9, '>');
    }
    if (text.startsWith('</', lt) || text.startsWith('<!', lt)) return this.after(lt + 2, '>');
    return this.startTag(lt);
  }

  run(): ConfigIssue[] {
    MARKUP_OR_REFERENCE.lastIndex = 0;
    let at = 0;
    while (this.issues.length < MAX_ISSUES) {
      MARKUP_OR_REFERENCE.lastIndex = at;
      const match = MARKUP_OR_REFERENCE.exec(this.text);
      if (match === null) break;
      at = match[0] === '&' ? this.reference(match.index) : this.markup(match.index);
      // Markup that never ends: the validator reports it; nothing after it can be read as XML.
      if (at === -1) break;
    }
    return this.issues.slice(0, MAX_ISSUES);
  }
}

/** Finds what the validator lets through: DOCTYPE, undefined entities, bad references, `<` in attribute values. */
export function findLexicalProblems(text: string, lines: OffsetPositions): ConfigIssue[] {
  return new LexicalScan(text, lines).run();
}
