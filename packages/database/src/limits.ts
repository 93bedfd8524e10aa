// Limits the database enforces with check constraints, for forms and counters to show before a
// write is refused. No imports: client components read these. test/schema/limits.test.ts checks
// each against its constraint.

/** `messages.body`: 1 to this many characters after trimming (both apps, one limit). */
export const MAX_MESSAGE_CHARS = 5000
