import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewRequestByToken, submitReview } from '../../src/repositories/reviews.ts'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one, serviceClient, sql } from './support/stack.ts'
import { createJob, createWorld, type World } from './support/world.ts'

/** Completes a job as the office would; returns the review link's token from the outbox. */
async function completeAndGetToken(
  world: World,
  org: string,
  customer: string,
): Promise<{ job: string; token: string }> {
  const job = await createJob(
    org,
    customer,
    { technician_id: org === world.org1 ? world.staff.tech : null },
    -1,
  )
  await sql(`update public.jobs set status = 'completed', completed_at = now() where id = $1`, [
    job,
  ])
  const row = await one<{ token: string }>(
    `select n.payload ->> 'token' as token from public.notification_outbox n
       join public.reviews r on r.id = n.record_id
      where r.job_id = $1 and n.event = 'review_request' limit 1`,
    [job],
  )
  return { job, token: row.token }
}

describe('reviews: asked for after a completed visit, given once through an unguessable link', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
    await sql(
      `update public.organizations set public_review_url = 'https://reviews.example.test/shine' where id = $1`,
      [world.org1],
    )
  })
  afterAll(closeAdminPool)

  it('a completed job gets one review row whose token only the request carries (the table keeps its hash)', async () => {
    const { job, token } = await completeAndGetToken(world, world.org1, world.customerA)
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    const [review] = await sql<{ token_hash: string; rating: number | null }>(
      'select token_hash, rating from public.reviews where job_id = $1',
      [job],
    )
    expect(review?.rating).toBeNull()
    expect(review?.token_hash).not.toBe(token)
    // Completing again (reopened, then done) asks nothing more.
    await sql(`update public.jobs set status = 'in_progress' where id = $1`, [job])
    await sql(`update public.jobs set status = 'completed' where id = $1`, [job])
    const reviews = await sql('select 1 from public.reviews where job_id = $1', [job])
    expect(reviews).toHaveLength(1)
  })

  it('rates once: a second submission is refused with a clear message and the first review stays', async () => {
    const { job, token } = await completeAndGetToken(world, world.org1, world.customerA)
    const client = serviceClient()
    const first = await submitReview(client, { token, rating: 5, comment: 'Spotless, thank you' })
    expect(first).toMatchObject({
      rating: 5,
      comment: 'Spotless, thank you',
      public_review_url: 'https://reviews.example.test/shine',
    })
    await expect(
      submitReview(client, { token, rating: 1, comment: 'changed my mind' }),
    ).rejects.toThrow(/already rated this visit/)
    const [kept] = await sql<{ rating: number; comment: string }>(
      'select rating, comment from public.reviews where job_id = $1',
      [job],
    )
    expect(kept).toEqual({ rating: 5, comment: 'Spotless, thank you' })
    // A high rating tells nobody in the office.
    expect(
      await sql(
        `select 1 from public.staff_notifications where kind = 'low_rating' and record_id = (select id from public.reviews where job_id = $1)`,
        [job],
      ),
    ).toHaveLength(0)
  })

  it('a rating at or under the threshold becomes a bell notice for the office, with no public link offered', async () => {
    const { job, token } = await completeAndGetToken(world, world.org1, world.customerA)
    const answer = await submitReview(serviceClient(), {
      token,
      rating: 2,
      comment: 'Late   and\nrushed',
    })
    expect(answer.public_review_url).toBeNull()
    const review = await one<{ id: string }>('select id from public.reviews where job_id = $1', [
      job,
    ])
    const notices = await sql<{
      staff_member_id: string
      title: string
      body: string
      record_table: string
    }>(
      `select staff_member_id, title, body, record_table from public.staff_notifications
        where kind = 'low_rating' and record_id = $1 order by staff_member_id`,
      [review.id],
    )
    expect(notices.map((n) => n.staff_member_id).sort()).toEqual(
      [world.staff.owner, world.staff.admin, world.staff.office].sort(),
    )
    expect(notices[0]).toMatchObject({
      title: 'Alice Test rated Carpet cleaning 2 of 5',
      body: 'Late and rushed',
      record_table: 'reviews',
    })
  })

  it('a foreign or altered token is refused, and bad ratings get a clear error', async () => {
    const { token } = await completeAndGetToken(world, world.org1, world.customerA)
    const client = serviceClient()
    const altered = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`
    for (const wrong of [altered, 'f'.repeat(64)]) {
      const { error } = await client.rpc('submit_review', { p_token: wrong, p_rating: 4 })
      expect(error?.code).toBe('PT404')
      expect(error?.message).toBe('This review link is not valid')
    }
    await expect(reviewRequestByToken(client, 'not-a-token')).rejects.toThrow(/not a review link/)
    const zero = await client.rpc('submit_review', { p_token: token, p_rating: 0 })
    expect(zero.error?.message).toBe('Choose from 1 to 5 stars')
    // Nothing was stored by the refused attempts.
    expect((await reviewRequestByToken(client, token)).submitted_at).toBeNull()
  })

  it('only the service role (the portal server) opens or answers a link; the API roles cannot', async () => {
    const { token } = await completeAndGetToken(world, world.org1, world.customerA)
    for (const persona of [world.personas.anon, world.personas.customerA, world.personas.owner]) {
      const { error } = await clientFor(persona).rpc('submit_review', {
        p_token: token,
        p_rating: 1,
      })
      expect(error?.code, persona.name).toBe('42501')
    }
  })

  it('RLS: customers read their own reviews, staff read their organization’s, never the token hash', async () => {
    const a = await completeAndGetToken(world, world.org1, world.customerA)
    const b = await completeAndGetToken(world, world.org1, world.customerB)
    const other = await completeAndGetToken(world, world.org2, world.customerOrg2)
    const ids = [a.job, b.job, other.job]
    const seen = async (who: keyof World['personas']) => {
      const { data, error } = await clientFor(world.personas[who])
        .from('reviews')
        .select('job_id')
        .in('job_id', ids)
      expect(error).toBeNull()
      return (data ?? []).map((r) => r.job_id).sort()
    }
    expect(await seen('customerA')).toEqual([a.job])
    expect(await seen('customerB')).toEqual([b.job])
    expect(await seen('office')).toEqual([a.job, b.job].sort())
    expect(await seen('otherOrgOwner')).toEqual([other.job])
    const hash = await clientFor(world.personas.owner).from('reviews').select('token_hash').limit(1)
    expect(hash.error?.code).toBe('42501')
    const write = await clientFor(world.personas.customerA)
      .from('reviews')
      .update({ rating: 5 })
      .eq('job_id', a.job)
    expect(write.error?.code).toBe('42501')
  })

  it('the review link’s token never reaches staff or customers through the outbox; the delivery log still reads', async () => {
    const { job } = await completeAndGetToken(world, world.org1, world.customerA)
    const [request] = await sql<{ id: string }>(
      `select n.id from public.notification_outbox n join public.reviews r on r.id = n.record_id
        where r.job_id = $1 and n.event = 'review_request' limit 1`,
      [job],
    )
    for (const who of ['owner', 'office', 'customerA'] as const) {
      const client = clientFor(world.personas[who])
      const payload = await client
        .from('notification_outbox')
        .select('payload')
        .eq('id', request?.id ?? '')
      expect(payload.error?.code, who).toBe('42501')
      const everything = await client
        .from('notification_outbox')
        .select('*')
        .eq('id', request?.id ?? '')
      expect(everything.error?.code, who).toBe('42501')
      const log = await client
        .from('notification_outbox')
        .select('id, event, channel, status')
        .eq('id', request?.id ?? '')
      expect(log.error, who).toBeNull()
      expect(
        log.data?.map((r) => r.event),
        who,
      ).toEqual(['review_request'])
    }
    // Another organization's staff see nothing of it, as before.
    const foreign = await clientFor(world.personas.otherOrgOwner)
      .from('notification_outbox')
      .select('id')
      .eq('id', request?.id ?? '')
    expect(foreign.data).toEqual([])
  })
})
