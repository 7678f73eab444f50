/**
 * What a disabled button says: one short hint per refusal code of the machine (src/call/refusals.ts),
 * saying what to do next. Each language's hints live in texts-<language>.ts (a catalogue fetches
 * only its own); this type keeps the three complete, so a code is never added in one language only.
 * The call card and the wrap-up show it next to a button the machine would refuse now
 * (src/app/intent-availability.ts); the machine's own English `hint` stays for logs and tests.
 */
import type { RefusalCode } from '../call/index.ts';

/** The hint for every refusal code. */
export type RefusalHints = Readonly<Record<RefusalCode, string>>;
