/**
 * Issue 12: NeoApi's wire vocabulary stays inside the Neotel adapter. Every method name (and
 * alias), parameter name and Position key of the contract table is looked for in the code of the
 * platform-neutral folders (src/call, src/crm, src/components, src/controllers, src/view): as an identifier,
 * as a word of a string or template literal, or as a word of a comment (whole word, case-sensitive):
 * a comment that needs the platform's spelling points to the adapter instead
 * (src/platforms/neotel/commands.ts, contract.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NEO_CORE_METHODS, NEO_POSITION_KEYS } from '../../../src/platforms/neotel/contract.ts';

const NEUTRAL_FOLDERS = ['src/call', 'src/crm', 'src/components', 'src/controllers', 'src/view'];

/** Every wire name of the contract. */
const WIRE_NAMES: ReadonlySet<string> = new Set([
  ...NEO_CORE_METHODS.flatMap((spec) => [spec.method, ...spec.aliases]),
  ...NEO_CORE_METHODS.flatMap((spec) => spec.params.map((param) => param.name)),
  ...NEO_POSITION_KEYS,
]);

const LITERALS = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail]);

/** The wire names a TypeScript source uses in code (identifiers and literal words), with their line. */
export function wireNamesIn(source: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  const file = ts.createSourceFile('scan.ts', source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    const line = (): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      if (WIRE_NAMES.has(node.text)) found.push({ name: node.text, line: line() });
    } else if (LITERALS.has(node.kind)) {
      for (const word of (node as ts.LiteralLikeNode).text.split(/[^\p{L}\p{N}_]+/u)) if (WIRE_NAMES.has(word)) found.push({ name: word, line: line() });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every comment of a TypeScript source, once, with the line it starts on. */
function commentsOf(source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile('scan.ts', source, ts.ScriptTarget.Latest, true);
  const seen = new Map<number, { text: string; line: number }>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (!seen.has(range.pos)) seen.set(range.pos, { text: source.slice(range.pos, range.end), line: file.getLineAndCharacterOfPosition(range.pos).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(source, node.pos));
    collect(ts.getTrailingCommentRanges(source, node.end));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...seen.values()];
}

/**
 * Words of the contract that are also Dialtone's own prose, allowed in comments only: `CRM` is
 * how the product names Salesforce ("Show in CRM", src/crm). Code is still scanned for it.
 */
const COMMENT_ALLOWED: ReadonlySet<string> = new Set(['CRM']);

/** The wire names the comments of a TypeScript source mention (whole words, case-sensitive), with their line. */
export function wireNamesInComments(source: string): { name: string; line: number }[] {
  return commentsOf(source).flatMap((comment) =>
    comment.text.split(/[^\p{L}\p{N}_]+/u).filter((word) => WIRE_NAMES.has(word) && !COMMENT_ALLOWED.has(word)).map((name) => ({ name, line: comment.line })),
  );
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('NeoApi wire names outside the Neotel adapter', () => {
  it('takes its names from the contract table (methods, parameters, Position keys)', () => {
    for (const name of ['Login_Campaign2', 'Login_Campaña', 'CAMPANA', 'FECHA_AGENDA', 'IDLLAMADA', 'SAL_CAMPAÑA_DEFAULT', 'CRM_Unavailable']) expect(WIRE_NAMES).toContain(name);
  });

  it('finds a planted name in code', () => {
    expect(wireNamesIn("const request = { method: 'Login_Campaign2', params: { USUARIO: user } };").map((hit) => hit.name)).toEqual(['Login_Campaign2', 'USUARIO']);
    expect(wireNamesIn('const text = `Position ${x} IDLLAMADA=0`;').map((hit) => hit.name)).toEqual(['Position', 'IDLLAMADA']);
  });

  it('finds a planted name in a comment, whole word and case-sensitive', () => {
    expect(wireNamesInComments('// Login_Campaign2 with CAMPANA\n/** IDLLAMADA */\nconst a = 1; // trailing USUARIO').map((hit) => hit.name)).toEqual(['Login_Campaign2', 'CAMPANA', 'IDLLAMADA', 'USUARIO']);
    expect(wireNamesInComments('// a position, the usuario, CAMPANAS, xUSUARIO\nconst a = 1;')).toEqual([]);
  });

  it.each(NEUTRAL_FOLDERS)('%s uses none of them', (folder) => {
    const hits = sources(folder).flatMap((path) => wireNamesIn(readFileSync(path, 'utf8')).map((hit) => `${path}:${hit.line} ${hit.name}`));
    expect(hits).toEqual([]);
  });

  it.each(NEUTRAL_FOLDERS)('%s mentions none of them in comments', (folder) => {
    const hits = sources(folder).flatMap((path) => wireNamesInComments(readFileSync(path, 'utf8')).map((hit) => `${path}:${hit.line} ${hit.name}`));
    expect(hits).toEqual([]);
  });
});
