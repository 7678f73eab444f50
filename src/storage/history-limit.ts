/** How many calls are kept per agent (docs/call-history.md): the oldest go when a new one comes. Its own file so the store can say it without the history's code (lazy-parts.ts). */
export const HISTORY_LIMIT = 50;
