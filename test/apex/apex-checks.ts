import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApexErrorListener, ApexLexer, ApexParserFactory, type ApexToken } from '@apexdevtools/apex-parser';

/**
 * Checks of the Apex sources in `apex/` that need no org: each file parses
 * (`@apexdevtools/apex-parser`, pure JavaScript: no JVM, no network), and the security rules of
 * docs/apex.md hold. Every problem names `file:line:column` (both 1-based) and says what is wrong.
 */

export interface ApexProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ApexSource {
  /** Path shown in problems (relative to the repository). */
  readonly file: string;
  readonly text: string;
}

/** `file:line:column message`, as editors link it. */
export function formatProblem(problem: ApexProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/** Every `.cls` and `.trigger` under `dir`, sorted, with paths relative to `base`. */
export function readApexSources(dir: string, base: string): ApexSource[] {
  const found: ApexSource[] = [];
  const visit = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(cls|trigger)$/.test(entry.name)) found.push({ file: relative(base, full), text: readFileSync(full, 'utf8') });
    }
  };
  visit(dir);
  return found;
}

const MAX_MESSAGE = 240;

class CollectingListener extends ApexErrorListener {
  readonly problems: ApexProblem[] = [];
  constructor(private readonly file: string) {
    super();
  }
  apexSyntaxError(line: number, column: number, msg: string): void {
    // ANTLR's "expecting {…}" lists every token of the grammar; the start is what helps.
    const message = msg.length > MAX_MESSAGE ? `${msg.slice(0, MAX_MESSAGE)}…` : msg;
    this.problems.push({ file: this.file, line, column: column + 1, message: `syntax error: ${message}` });
  }
}

/** Syntax errors of one class or trigger (lexer and parser), empty when it parses. */
export function parseApex(source: ApexSource): ApexProblem[] {
  const listener = new CollectingListener(source.file);
  const { parser } = ApexParserFactory.createLexerAndParser(source.text, listener);
  if (source.file.endsWith('.trigger')) parser.triggerUnit();
  else parser.compilationUnit();
  return listener.problems;
}

/** The tokens the parser sees (comments and white space dropped). */
function codeTokens(text: string): ApexToken[] {
  return ApexParserFactory.createLexer(text)
    .getAllTokens()
    .filter((token) => token.channel === 0);
}

const lower = (token: ApexToken | undefined): string => (token?.text ?? '').toLowerCase();

function problemAt(file: string, token: ApexToken | undefined, message: string): ApexProblem {
  return { file, line: token?.line ?? 1, column: (token?.column ?? 0) + 1, message };
}

/** Index of the token closing the bracket opened at `open` (`(`/`)`, `{`/`}`, `[`/`]`). */
function closing(tokens: readonly ApexToken[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const start = tokens[open]?.text ?? '';
  const end = pairs[start];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]?.text;
    if (text === start) depth++;
    else if (text === end && --depth === 0) return i;
  }
  return tokens.length - 1;
}

interface MethodInfo {
  readonly name: string;
  /** global, public or webService: callable from outside, so its parameters are input. */
  readonly entry: boolean;
  readonly parameters: readonly string[];
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** Parameter names of a formal parameter list (tokens between the parentheses). */
function parameterNames(tokens: readonly ApexToken[]): string[] {
  const names: string[] = [];
  let depth = 0;
  let last: string | undefined;
  for (const token of tokens) {
    const text = token.text;
    if (text === '<') depth++;
    else if (text === '>') depth--;
    else if (text === ',' && depth === 0) {
      if (last) names.push(last);
      last = undefined;
    } else if (token.type !== ApexLexer.DOT) last = text;
  }
  if (last) names.push(last);
  return names;
}

/** Words that open a statement rather than name a member (Apex lets most other keywords be names). */
const STATEMENT_WORDS = new Set(['if', 'for', 'while', 'do', 'catch', 'switch', 'return', 'new', 'else', 'try', 'finally', 'throw', 'super', 'this', 'when']);

/** An identifier, or one of the many soft keywords Apex accepts as a name (`find`, `name`, `count`…). */
function isName(token: ApexToken | undefined): boolean {
  return token !== undefined && /^[A-Za-z_]\w*$/.test(token.text) && !STATEMENT_WORDS.has(lower(token));
}

/** Methods and constructors of every class body: `name ( params ) {` where a member starts. */
function methodsOf(tokens: readonly ApexToken[]): MethodInfo[] {
  const methods: MethodInfo[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]?.text !== '(' || !isName(tokens[i - 1])) continue;
    const close = closing(tokens, i);
    if (tokens[close + 1]?.text !== '{') continue;
    // A member declaration starts after the previous `;`, `{` or `}`.
    let start = i - 1;
    while (start > 0 && !['{', '}', ';'].includes(tokens[start - 1]?.text ?? '')) start--;
    const head = tokens.slice(start, i - 1).map(lower);
    if (head.some((t) => ['=', 'new', 'return', 'if', 'for', 'while', '.'].includes(t))) continue;
    if (head.length === 0 || head.some((t) => t === 'class')) continue;
    methods.push({
      name: tokens[i - 1]?.text ?? '',
      entry: head.some((t) => ['global', 'public', 'webservice'].includes(t)),
      parameters: parameterNames(tokens.slice(i + 1, close)),
      bodyStart: close + 1,
      bodyEnd: closing(tokens, close + 1),
    });
  }
  return methods;
}

const FORBIDDEN_DYNAMIC = new Set(['database.query', 'database.countquery', 'database.getquerylocator', 'search.query']);
const WITH_BINDS = new Set(['database.querywithbinds', 'database.countquerywithbinds', 'database.getquerylocatorwithbinds']);

function isTestClass(tokens: readonly ApexToken[]): boolean {
  return tokens.some((token, i) => token.text === '@' && lower(tokens[i + 1]) === 'istest');
}

/** Name of the top-level class (the identifier after the first `class`). */
function className(tokens: readonly ApexToken[]): string | undefined {
  const at = tokens.findIndex((token) => lower(token) === 'class');
  return at < 0 ? undefined : tokens[at + 1]?.text;
}

/**
 * The security rules, per file: the top-level class says `with sharing`; outside test classes no
 * `Database.query(` / `countQuery(` / `getQueryLocator(` / `Search.query(` (use the `…WithBinds`
 * forms), every `…WithBinds` call passes `AccessLevel.USER_MODE`, its query text never mentions a
 * parameter of an entry method (global / public / webService) — directly or through the variable
 * holding the text — and every inline `[SELECT …]` says `WITH USER_MODE`.
 */
export function securityProblems(source: ApexSource): ApexProblem[] {
  if (source.file.endsWith('.trigger')) return [];
  const tokens = codeTokens(source.text);
  const problems: ApexProblem[] = [];
  const classAt = tokens.findIndex((token) => lower(token) === 'class');
  const header = tokens.slice(0, Math.max(classAt, 0)).map(lower).join(' ');
  if (!/\bwith sharing\b/.test(header)) {
    problems.push(problemAt(source.file, tokens[classAt], `class ${className(tokens) ?? '?'} must be declared "with sharing" (found "${header}")`));
  }
  if (isTestClass(tokens)) return problems;

  const methods = methodsOf(tokens);
  const reported = new Set<ApexToken>();
  for (let i = 0; i + 3 < tokens.length; i++) {
    const call = `${lower(tokens[i])}.${lower(tokens[i + 2])}`;
    if (tokens[i + 1]?.text !== '.' || tokens[i + 3]?.text !== '(') continue;
    if (FORBIDDEN_DYNAMIC.has(call)) {
      problems.push(
        problemAt(source.file, tokens[i], `${tokens[i]?.text}.${tokens[i + 2]?.text}( runs query text in system mode: use Database.queryWithBinds(soql, binds, AccessLevel.USER_MODE)`),
      );
      continue;
    }
    if (!WITH_BINDS.has(call)) continue;
    const open = i + 3;
    const close = closing(tokens, open);
    const args = tokens.slice(open + 1, close);
    const argText = args.map(lower).join('');
    if (!argText.includes('accesslevel.user_mode')) {
      problems.push(problemAt(source.file, tokens[i], `${tokens[i]?.text}.${tokens[i + 2]?.text}( must pass AccessLevel.USER_MODE`));
    }
    const method = methods.find((m) => m.bodyStart < i && i < m.bodyEnd);
    if (!method?.entry) continue;
    const input = new Set(method.parameters.map((name) => name.toLowerCase()));
    let depth = 0;
    const firstArgument: ApexToken[] = [];
    for (const token of args) {
      if (['(', '[', '{'].includes(token.text)) depth++;
      else if ([')', ']', '}'].includes(token.text)) depth--;
      else if (token.text === ',' && depth === 0) break;
      firstArgument.push(token);
    }
    const textTokens = [...firstArgument];
    const only = firstArgument.length === 1 ? lower(firstArgument[0]) : undefined;
    if (only !== undefined) {
      // The variable holding the query text: everything assigned to it in this method.
      for (let j = method.bodyStart; j < method.bodyEnd; j++) {
        if (lower(tokens[j]) !== only || !['=', '+='].includes(tokens[j + 1]?.text ?? '')) continue;
        for (let k = j + 2; k < method.bodyEnd && tokens[k]?.text !== ';'; k++) {
          const token = tokens[k];
          if (token) textTokens.push(token);
        }
      }
    }
    for (const token of textTokens) {
      if (input.has(lower(token)) && !reported.has(token)) {
        reported.add(token);
        problems.push(
          problemAt(
            source.file,
            token,
            `query text built from parameter "${token.text}" of ${method.name}: bind the value (:name in the query, the value in the binds map) and take names from Schema describe`,
          ),
        );
      }
    }
  }
  problems.push(...queryTextProblems(source.file, tokens, methods, reported));
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.text !== '[' || lower(tokens[i + 1]) !== 'select') continue;
    const close = closing(tokens, i);
    const query = tokens.slice(i, close).map(lower).join(' ');
    if (!/\bwith user_mode\b/.test(query)) {
      problems.push(problemAt(source.file, tokens[i], 'inline SOQL must say WITH USER_MODE so object and field permissions apply'));
    }
  }
  return problems;
}

/**
 * Query text assembled in an entry method and run elsewhere (a helper): a variable assigned an
 * expression with a `'SELECT …'` literal is query text, and so is everything later assigned to it;
 * none of it may mention the entry method's parameters.
 */
function queryTextProblems(file: string, tokens: readonly ApexToken[], methods: readonly MethodInfo[], reported: Set<ApexToken>): ApexProblem[] {
  const problems: ApexProblem[] = [];
  for (const method of methods.filter((m) => m.entry)) {
    const input = new Set(method.parameters.map((name) => name.toLowerCase()));
    const queryVariables = new Set<string>();
    for (let j = method.bodyStart; j < method.bodyEnd; j++) {
      if (!isName(tokens[j]) || !['=', '+='].includes(tokens[j + 1]?.text ?? '')) continue;
      let end = j + 2;
      while (end < method.bodyEnd && tokens[end]?.text !== ';') end++;
      const expression = tokens.slice(j + 2, end);
      const variable = lower(tokens[j]);
      const isQuery = queryVariables.has(variable) || expression.some((t) => t.type === ApexLexer.StringLiteral && /^'\s*select\b/i.test(t.text));
      if (!isQuery) continue;
      queryVariables.add(variable);
      for (const token of expression) {
        if (!input.has(lower(token)) || reported.has(token)) continue;
        reported.add(token);
        problems.push(
          problemAt(file, token, `query text built from parameter "${token.text}" of ${method.name}: bind the value (:name in the query, the value in the binds map) and take names from Schema describe`),
        );
      }
    }
  }
  return problems;
}

/** Non-test classes that no test class mentions. */
export function untestedClasses(sources: readonly ApexSource[]): ApexProblem[] {
  const classes = sources
    .filter((source) => source.file.endsWith('.cls'))
    .map((source) => ({ source, tokens: codeTokens(source.text) }));
  const tests = classes.filter((c) => isTestClass(c.tokens));
  return classes
    .filter((c) => !isTestClass(c.tokens))
    .flatMap(({ source, tokens }) => {
      const name = className(tokens);
      if (!name) return [];
      const covered = tests.some((test) => test.tokens.some((token) => token.text.toLowerCase() === name.toLowerCase()));
      const at = tokens.find((token) => token.text === name);
      return covered ? [] : [problemAt(source.file, at, `class ${name} has no test class: add an @IsTest class that calls it`)];
    });
}
