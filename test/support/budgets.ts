/**
 * Time budgets of CPU-heavy unit tests. CI runs on a busy 2-core machine where another CPU-heavy
 * process (or five other engineers' suites) can take most of the CPU: a test that needs 1.5 s on
 * an idle machine has been seen to take 5.5 s there, past vitest's 5 s default. Each heavy test
 * names its budget instead of relying on the project's default; the numbers are ten times what it
 * takes on a loaded machine (docs/architecture.md "Tests under load").
 */

/** Parsing a class with ANTLR's Apex grammar: about 1.3 s of CPU cold (the grammar's caches fill). */
export const APEX_PARSE_BUDGET_MS = 60_000;

/** Loops of thousands of cases (fuzzing, tables), or a mixer running real media frames. */
export const HEAVY_LOOP_BUDGET_MS = 30_000;
