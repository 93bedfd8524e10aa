// Ids end up in channel topics and filters: refuse anything that is not a UUID before it does.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids go into realtime filters verbatim, so only well-formed UUIDs are accepted. */
export function assertUuid(value: string, name: string): string {
  if (!UUID.test(value)) throw new TypeError(`${name} must be a UUID, got "${value}"`)
  return value
}
