import { describe, expect, it } from 'vitest'
import { anonClient } from './rest-helpers.ts'

// Expectations follow PostgREST 13 as supabase/postgrest-js's own tests record them
// (relationships-spread-operations, relationships-error-handling, resource-embedding).
describe('REST embedding parity with PostgREST 13', () => {
  const db = anonClient()

  it('combines an aggregate and a spread at one level, grouped by the spread columns', async () => {
    const { data, error } = await db
      .from('embed_messages')
      .select('id, embed_channels(count(), ...embed_channel_details(details))')
      .order('id')
    expect(error).toBeNull()
    expect(data).toEqual([
      { id: 1, embed_channels: { count: 1, details: 'Details for public channel' } },
      { id: 2, embed_channels: { count: 1, details: 'Details for random channel' } },
      { id: 3, embed_channels: { count: 1, details: null } },
      { id: 4, embed_channels: { count: 1, details: 'Details for random channel' } },
    ])
  })

  it('hoists aggregates out of a to-one spread to the level it is spread into', async () => {
    const { data, error } = await db
      .from('embed_users')
      .select(
        'username, embed_messages(embed_channels(id.sum(), ...embed_channel_details(details_sum:id.sum(), details)))',
      )
      .eq('username', 'supabot')
      .order('id', { referencedTable: 'embed_messages' })
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      username: 'supabot',
      embed_messages: [
        { embed_channels: { sum: 1, details_sum: 1, details: 'Details for public channel' } },
        { embed_channels: { sum: 2, details_sum: 2, details: 'Details for random channel' } },
        { embed_channels: { sum: 3, details_sum: null, details: null } },
      ],
    })
  })

  it('groups an aggregate by a JSON embed beside it', async () => {
    const { data, error } = await db.from('embed_messages').select('count(), embed_channels(slug)')
    expect(error).toBeNull()
    expect(data).toHaveLength(3)
    expect(data).toEqual(
      expect.arrayContaining([
        { count: 1, embed_channels: { slug: 'public' } },
        { count: 2, embed_channels: { slug: 'random' } },
        { count: 1, embed_channels: { slug: 'quiet' } },
      ]),
    )
  })

  it('embeds one-to-many by the foreign key constraint name', async () => {
    const { data, error } = await db
      .from('embed_users')
      .select('username, embed_best_friends_first_user_fkey(id)')
      .eq('username', 'supabot')
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ username: 'supabot', embed_best_friends_first_user_fkey: [{ id: 1 }] })
  })

  it('embeds by column name even when views inherit the same key', async () => {
    const fromTable = await db
      .from('embed_messages')
      .select('id, username(username, status)')
      .eq('id', 4)
      .single()
    expect(fromTable.error).toBeNull()
    expect(fromTable.data).toEqual({
      id: 4,
      username: { username: 'kiwicopple', status: 'OFFLINE' },
    })
    const fromView = await db
      .from('embed_recent_messages')
      .select('id, channel_id(slug)')
      .eq('id', 1)
      .single()
    expect(fromView.error).toBeNull()
    expect(fromView.data).toEqual({ id: 1, channel_id: { slug: 'public' } })
    const viewToView = await db
      .from('embed_recent_messages')
      .select('id, embed_active_users(username)')
      .eq('id', 4)
      .single()
    expect(viewToView.error).toBeNull()
    expect(viewToView.data).toEqual({ id: 4, embed_active_users: null })
  })

  it('relates views that join tables or rename key columns, and views over views', async () => {
    const feed = await db
      .from('embed_message_feed')
      .select('message_id, author(username), channel(slug), embed_channels(id)')
      .eq('message_id', 4)
      .single()
    expect(feed.error).toBeNull()
    expect(feed.data).toEqual({
      message_id: 4,
      author: { username: 'kiwicopple' },
      channel: { slug: 'random' },
      embed_channels: { id: 2 },
    })
    const users = await db
      .from('embed_users')
      .select('username, embed_message_feed(message_id)')
      .eq('username', 'kiwicopple')
      .single()
    expect(users.error).toBeNull()
    expect(users.data).toEqual({ username: 'kiwicopple', embed_message_feed: [{ message_id: 4 }] })
    const overView = await db
      .from('embed_supabot_messages')
      .select('id, embed_channels(slug)')
      .order('id')
    expect(overView.error).toBeNull()
    expect(overView.data).toEqual([
      { id: 1, embed_channels: { slug: 'public' } },
      { id: 2, embed_channels: { slug: 'random' } },
      { id: 3, embed_channels: { slug: 'quiet' } },
    ])
  })

  it('leaves an empty embed out of the output and still filters with it', async () => {
    const { data, error } = await db
      .from('embed_messages')
      .select('id, embed_users!inner()')
      .eq('embed_users.status', 'OFFLINE')
    expect(error).toBeNull()
    expect(data).toEqual([{ id: 4 }])
  })

  it('filters on whether an embed found anything with rel=is.null and rel=not.is.null', async () => {
    const without = await db
      .from('embed_users')
      .select('username, embed_best_friends!third_wheel()')
      .is('embed_best_friends', null)
      .order('username')
    expect(without.error).toBeNull()
    expect(without.data).toEqual([
      { username: 'awailas' },
      { username: 'kiwicopple' },
      { username: 'supabot' },
    ])
    const withSome = await db
      .from('embed_users')
      .select('username, friends:embed_best_friends!third_wheel(id)', { count: 'exact' })
      .not('friends', 'is', null)
    expect(withSome.error).toBeNull()
    expect(withSome.count).toBe(1)
    expect(withSome.data).toEqual([{ username: 'dragarcia', friends: [{ id: 2 }] }])
  })

  it('spreads a one-to-many embed as arrays of values per column', async () => {
    const { data, error } = await db
      .from('embed_channels')
      .select('channel_id:id, ...embed_messages(id, message)')
      .order('id')
      .order('id', { referencedTable: 'embed_messages' })
    expect(error).toBeNull()
    expect(data).toEqual([
      { channel_id: 1, id: [1], message: ['Hello World 👋'] },
      { channel_id: 2, id: [2, 4], message: ['Perfection is attained.', 'Random thoughts'] },
      { channel_id: 3, id: [3], message: ['Quiet here'] },
    ])
    const none = await db
      .from('embed_users')
      .select('username, ...embed_best_friends!third_wheel(id)')
      .eq('username', 'kiwicopple')
      .single()
    expect(none.error).toBeNull()
    expect(none.data).toEqual({ username: 'kiwicopple', id: [] })
  })

  it('refuses aggregates inside a to-many spread as not implemented', async () => {
    const { error, status } = await db
      .from('embed_channels')
      .select('id, ...embed_messages(count())')
    expect(status).toBe(400)
    expect(error).toEqual({
      code: 'PGRST127',
      message: 'Feature not implemented',
      details: 'Aggregates are not implemented for one-to-many or many-to-many spreads.',
      hint: null,
    })
  })

  it('fails with 42712 when two embeds get the same name', async () => {
    const { data, error, status } = await db
      .from('embed_best_friends')
      .select('embed_users!first_user(*), embed_users!second_user(*)')
      .limit(1)
      .single()
    expect(data).toBeNull()
    expect(status).toBe(400)
    expect(error).toEqual({
      code: '42712',
      details: null,
      hint: null,
      message: 'table name "embed_best_friends_embed_users_1" specified more than once',
    })
  })

  it('lists PGRST201 candidates as objects in details', async () => {
    const toOne = await db.from('embed_best_friends').select('embed_users(*)')
    expect(toOne.status).toBe(300)
    expect(toOne.error).toEqual({
      code: 'PGRST201',
      details: ['first_user', 'second_user', 'third_wheel'].map((column) => ({
        cardinality: 'many-to-one',
        embedding: 'embed_best_friends with embed_users',
        relationship: `embed_best_friends_${column}_fkey using embed_best_friends(${column}) and embed_users(username)`,
      })),
      hint: "Try changing 'embed_users' to one of the following: 'embed_users!embed_best_friends_first_user_fkey', 'embed_users!embed_best_friends_second_user_fkey', 'embed_users!embed_best_friends_third_wheel_fkey'. Find the desired relationship in the 'details' key.",
      message:
        "Could not embed because more than one relationship was found for 'embed_best_friends' and 'embed_users'",
    })
    const toMany = await db.from('embed_users').select('embed_best_friends(*)')
    expect(toMany.status).toBe(300)
    expect(toMany.error?.details).toEqual(
      ['first_user', 'second_user', 'third_wheel'].map((column) => ({
        cardinality: 'one-to-many',
        embedding: 'embed_users with embed_best_friends',
        relationship: `embed_best_friends_${column}_fkey using embed_users(username) and embed_best_friends(${column})`,
      })),
    )
  })

  it('words PGRST200 as PostgREST, with a null hint when nothing is close', async () => {
    const { error, status } = await db
      .from('embed_users')
      .select('embed_messages(id, ...nothing_like_this(created_at))')
    expect(status).toBe(400)
    expect(error).toEqual({
      code: 'PGRST200',
      details:
        "Searched for a foreign key relationship between 'embed_messages' and 'nothing_like_this' in the schema 'public', but no matches were found.",
      hint: null,
      message:
        "Could not find a relationship between 'embed_messages' and 'nothing_like_this' in the schema cache",
    })
    const near = await db.from('embed_users').select('embed_mesages(id)')
    expect(near.error?.hint).toBe("Perhaps you meant 'embed_messages' instead of 'embed_mesages'.")
    const hinted = await db.from('embed_messages').select('embed_users!nope(*)')
    expect(hinted.error?.details).toBe(
      "Searched for a foreign key relationship between 'embed_messages' and 'embed_users' using the hint 'nope' in the schema 'public', but no matches were found.",
    )
  })

  it('answers unknown columns with 42703 worded as PostgreSQL', async () => {
    const top = await db.from('embed_users').select('alias:missing_column.count()')
    expect(top.status).toBe(400)
    expect(top.error).toEqual({
      code: '42703',
      details: null,
      hint: null,
      message: 'column embed_users.missing_column does not exist',
    })
    const embedded = await db.from('embed_users').select('username, embed_messages(sum)')
    expect(embedded.error).toEqual({
      code: '42703',
      details: null,
      hint: null,
      message: 'column embed_messages_1.sum does not exist',
    })
    const near = await db.from('embed_messages').select('id, mesage').eq('id', 1)
    expect(near.error).toEqual({
      code: '42703',
      details: null,
      hint: 'Perhaps you meant to reference the column "embed_messages.message".',
      message: 'column embed_messages.mesage does not exist',
    })
    const nearEmbedded = await db.from('embed_users').select('embed_messages(ids)')
    expect(nearEmbedded.error?.hint).toBe(
      'Perhaps you meant to reference the column "embed_messages_1.id".',
    )
  })
})
