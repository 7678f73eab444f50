/**
 * Reads a call-center definition file into a small tree of sections and items that remembers
 * where each element starts (line:column), so every later complaint can point at the file.
 *
 * Well-formedness comes from fast-xml-parser's validator plus the checks it does not make
 * (xml-lexical.ts: undefined entities, `<` in attribute values, no DOCTYPE — a definition never
 * needs one, and refusing it rules out entity-expansion attacks) and a single root element. Entities are decoded here, not by the parser,
 * so numeric character references work and nothing else is expanded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { messageOf } from '../shared/errors.ts';
import type { ConfigIssue } from './config-error.ts';
import { findLexicalProblems, isXmlChar, lineText, PREDEFINED_ENTITIES, syntaxIssue } from './xml-lexical.ts';

/** A definition is a few kilobytes; this bound keeps hostile input from costing real time. */
export const MAX_XML_LENGTH = 1_000_000;

/** Where an element starts, 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** An XML element as the definition rules need it: name, attributes, text, children, position. */
export interface XmlElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The element's own text (CDATA included, entities decoded), not trimmed. */
  readonly text: string;
  readonly children: readonly XmlElement[];
  readonly position: SourcePosition;
}

/** The root element with positions, or every syntax problem. */
export type XmlReadResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/gu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : whole;
    }
    return PREDEFINED_ENTITIES.get(name) ?? whole;
  });
}

/** Turns string offsets into 1-based line:column (CRLF, LF and lone CR all end a line). */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) this.starts.push(index + 1);
    }
  }

  at(offset: number): SourcePosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

type OrderedNode = Record<string, unknown>;
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

function toElement(node: OrderedNode, lines: LineIndex): XmlElement | undefined {
  const tag = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?'));
  if (tag === undefined) return undefined;
  const rawChildren = node[tag];
  const rawAttributes = node[':@'];
  const meta = Reflect.get(node, METADATA) as { startIndex?: number } | undefined;
  const attributes: Record<string, string> = {};
  if (typeof rawAttributes === 'object' && rawAttributes !== null) {
    for (const [name, value] of Object.entries(rawAttributes)) attributes[name] = decodeEntities(String(value));
  }
  let text = '';
  const children: XmlElement[] = [];
  for (const child of Array.isArray(rawChildren) ? (rawChildren as OrderedNode[]) : []) {
    if (typeof child['#text'] === 'string') text += decodeEntities(child['#text']);
    const element = toElement(child, lines);
    if (element !== undefined) children.push(element);
  }
  return { tag, attributes, text, children, position: lines.at(meta?.startIndex ?? 0) };
}

/** Checks well-formedness and returns the root element with positions, or every syntax problem. */
export function readXml(input: string): XmlReadResult {
  const expected = 'a well-formed XML call-center definition starting with <callCenter>';
  if (input.length > MAX_XML_LENGTH) {
    return { ok: false, errors: [syntaxIssue('XML_STRUCTURE', `is ${input.length} characters long, more than the ${MAX_XML_LENGTH} allowed`, undefined, input.slice(0, 40), expected)] };
  }
  // A byte-order mark is no column an editor shows; positions are counted without it.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = new LineIndex(text);
  if (text.trim() === '') return { ok: false, errors: [syntaxIssue('XML_SYNTAX', 'is empty', { line: 1, column: 1 }, input, expected)] };

  // Deprecated in favour of the separate fast-xml-validator package, which the project does not
  // ship; this one is the same code and reports line and column, which is all we need from it.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    const position = { line: Number.isFinite(line) ? line : 1, column: Number.isFinite(col) ? col : 1 };
    return { ok: false, errors: [syntaxIssue('XML_SYNTAX', `is not well-formed XML (${msg.replace(/\.$/u, '')})`, position, lineText(text, position.line), expected)] };
  }
  const lexical = findLexicalProblems(text, lines);
  if (lexical.length > 0) return { ok: false, errors: lexical };

  let nodes: OrderedNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: false,
      captureMetaData: true,
      maxNestedTags: 10,
    });
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    const reason = messageOf(error);
    return { ok: false, errors: [syntaxIssue('XML_STRUCTURE', `could not be read (${reason})`, undefined, undefined, 'only <callCenter>, <section> and <item> elements, nested in that order')] };
  }

  const roots: XmlElement[] = [];
  for (const node of nodes) {
    const element = toElement(node, lines);
    if (element !== undefined) roots.push(element);
    else if (typeof node['#text'] === 'string' && node['#text'].trim() !== '') {
      return { ok: false, errors: [syntaxIssue('XML_SYNTAX', 'has text outside the root element', undefined, node['#text'].trim(), 'nothing but comments after </callCenter>')] };
    }
  }
  const [root, second] = roots;
  if (second !== undefined) {
    return { ok: false, errors: [syntaxIssue('XML_SYNTAX', 'has more than one root element', second.position, `<${second.tag}>`, 'a single <callCenter> element holding every <section>')] };
  }
  if (root === undefined) return { ok: false, errors: [syntaxIssue('XML_SYNTAX', 'has no root element', { line: 1, column: 1 }, lineText(text, 1), expected)] };
  return { ok: true, root };
}
