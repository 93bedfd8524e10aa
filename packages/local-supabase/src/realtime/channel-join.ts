import { ALL_PERMISSIONS, authorizeChannel } from './authorization.ts'
import type { BindingEvent, PostgresBinding } from './change-router.ts'
import { ChannelSession, type ChannelTransport } from './channel.ts'
import { FilterError, parseFilter, type RowFilter } from './filters.ts'
import { describeZodError, joinPayloadSchema, type PostgresChangeRequest } from './join-request.ts'
import type { PhoenixMessage } from './protocol.ts'
import { type RealtimeHub, TOPIC_PREFIX } from './realtime-hub.ts'
import { effectiveToken, verifySubscriberToken } from './tokens.ts'
import { isNumericType } from './values.ts'

export type JoinResult =
  | {
      ok: true
      channel: ChannelSession
      response: { postgres_changes: Array<Record<string, unknown>> }
      /** Milliseconds to wait for the change stream before answering (postgres_changes_options.wait). */
      waitForChangesMs: number | null
    }
  | { ok: false; reason: string }

class JoinError extends Error {}

/** Checks one postgres_changes binding against the schema, as Supabase does before subscribing. */
async function buildBinding(
  hub: RealtimeHub,
  request: PostgresChangeRequest,
  channel: ChannelSession,
): Promise<PostgresBinding> {
  const table = request.table && request.table !== '*' ? request.table : null
  const where = table ? `"${request.schema}"."${table}"` : `schema "${request.schema}"`
  let filter: RowFilter | null = null
  if (table) {
    const info = await hub.schema.describe(request.schema, table)
    if (!info) throw new JoinError(`Unable to subscribe to changes: table ${where} does not exist`)
    if (!info.published) {
      throw new JoinError(
        `Unable to subscribe to changes: table ${where} is not in the supabase_realtime publication`,
      )
    }
    if (request.filter) {
      try {
        const parsed = parseFilter(request.filter)
        const column = info.byName.get(parsed.column)
        if (!column) throw new FilterError(`column "${parsed.column}" does not exist on ${where}`)
        filter = {
          ...parsed,
          values: await hub.schema.canonicalValues(column, parsed.values),
          numeric: isNumericType(column.type),
        }
      } catch (error) {
        if (error instanceof FilterError)
          throw new JoinError(`Error parsing filter params: ${error.message}`)
        throw error
      }
    }
  } else {
    if (request.filter)
      throw new JoinError('Error parsing filter params: a filter needs a single table')
    if (request.schema !== '*' && !(await hub.schema.schemaExists(request.schema))) {
      throw new JoinError(`Unable to subscribe to changes: ${where} does not exist`)
    }
  }
  return {
    id: hub.router.newBindingId(),
    listener: channel,
    event: request.event.toUpperCase() as BindingEvent,
    schema: request.schema,
    table,
    filter,
  }
}

/** Answers a phx_join: validates the config and token, authorizes, and prepares the channel. */
export async function openChannel(
  hub: RealtimeHub,
  transport: ChannelTransport,
  message: PhoenixMessage,
  socketToken: string,
): Promise<JoinResult> {
  const parsed = joinPayloadSchema.safeParse(message.payload)
  if (!parsed.success)
    return { ok: false, reason: `Invalid join payload: ${describeZodError(parsed.error)}` }
  const { config = {}, access_token } = parsed.data
  const token = await verifySubscriberToken(hub.jwt, effectiveToken(access_token ?? socketToken, socketToken))
  if (!token.ok) return { ok: false, reason: token.message }
  const ended = await hub.sessionCheck.endedReason(token.subscriber)
  if (ended) return { ok: false, reason: ended }

  const subTopic = message.topic.slice(TOPIC_PREFIX.length)
  const isPrivate = config.private === true
  let permissions = ALL_PERMISSIONS
  if (isPrivate) {
    permissions = await authorizeChannel(hub.pool, subTopic, token.subscriber)
    if (!permissions.broadcastRead && !permissions.presenceRead) {
      return {
        ok: false,
        reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}`,
      }
    }
  }
  const channel = new ChannelSession(
    hub,
    transport,
    {
      topic: message.topic,
      joinRef: message.joinRef ?? message.ref,
      isPrivate,
      broadcastSelf: config.broadcast?.self === true,
      broadcastAck: config.broadcast?.ack === true,
      presenceKey: config.presence?.key ?? '',
      presenceEnabled: config.presence?.enabled !== false,
    },
    token.subscriber,
    permissions,
  )
  const response: Array<Record<string, unknown>> = []
  try {
    for (const request of config.postgres_changes ?? []) {
      const binding = await buildBinding(hub, request, channel)
      channel.bindings.push(binding)
      // Echo exactly what the client sent: it matches entries by index and by equal values.
      const entry: Record<string, unknown> = {
        id: binding.id,
        event: request.event,
        schema: request.schema,
      }
      if (request.table !== undefined) entry.table = request.table
      if (request.filter !== undefined) entry.filter = request.filter
      response.push(entry)
    }
  } catch (error) {
    channel.dispose()
    if (error instanceof JoinError) return { ok: false, reason: error.message }
    throw error
  }
  const options = config.postgres_changes_options
  const waitForChangesMs = options?.wait && response.length > 0 ? (options.timeout ?? 15_000) : null
  return { ok: true, channel, response: { postgres_changes: response }, waitForChangesMs }
}
