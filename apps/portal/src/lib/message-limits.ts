// No zod here: the message composer (a client component) reads the limit.
/** Longest message a customer can send; the database repository enforces the same. */
export const MAX_MESSAGE_CHARS = 5000
