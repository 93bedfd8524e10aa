import { beforeAll, describe, expect, it, vi } from 'vitest'
import { withPg } from '../helpers.ts'
import { anonClient, restFetch } from './rest-helpers.ts'

// Functions that raise the errors PostgREST gives a meaning to: SQLSTATE PTxyz chooses the status;
// SQLSTATE PGRST carries the whole answer as JSON in MESSAGE and DETAIL.
const FUNCTIONS = `
create or replace function public.rest_raise_pt(p_code text, p_message text)
returns int language plpgsql stable as $$
begin
  raise exception using errcode = p_code, message = p_message, detail = 'some detail', hint = 'some hint';
end $$;

create or replace function public.rest_raise_pgrst(p_message text, p_detail text default null)
returns int language plpgsql stable as $$
begin
  if p_detail is null then
    raise sqlstate 'PGRST' using message = p_message;
  end if;
  raise sqlstate 'PGRST' using message = p_message, detail = p_detail;
end $$;`

const pgrst = (message: unknown, detail?: unknown) =>
  restFetch('/rpc/rest_raise_pgrst', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      p_message: typeof message === 'string' ? message : JSON.stringify(message),
      ...(detail === undefined
        ? {}
        : { p_detail: typeof detail === 'string' ? detail : JSON.stringify(detail) }),
    }),
  })

describe('REST: errors raised by functions, as PostgREST answers them', () => {
  beforeAll(async () => {
    await withPg((db) => db.query(FUNCTIONS))
    await vi.waitFor(
      async () =>
        expect((await anonClient().rpc('rest_raise_pgrst', { p_message: '{}' })).status).not.toBe(
          404,
        ),
      { timeout: 10_000, interval: 50 },
    )
  })

  it('SQLSTATE PTxyz answers status xyz, with the message as the status text', async () => {
    const res = await restFetch(
      '/rpc/rest_raise_pt?p_code=PT404&p_message=Thing%2042%20not%20found',
    )
    expect(res.status).toBe(404)
    expect(res.statusText).toBe('Thing 42 not found')
    expect(res.json).toEqual({
      code: 'PT404',
      message: 'Thing 42 not found',
      details: 'some detail',
      hint: 'some hint',
    })
    const supabase = await anonClient().rpc(
      'rest_raise_pt',
      { p_code: 'PT409', p_message: 'Already done' },
      { get: true },
    )
    expect(supabase.status).toBe(409)
    expect(supabase.error?.code).toBe('PT409')
    expect(supabase.error?.message).toBe('Already done')
  })

  it('a 401 from PT401 carries WWW-Authenticate; a status text HTTP cannot carry falls back', async () => {
    const res = await restFetch('/rpc/rest_raise_pt?p_code=PT401&p_message=Sign%20in%20first')
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer')
    const odd = await restFetch('/rpc/rest_raise_pt?p_code=PT403&p_message=Nein%0Aniemals')
    expect(odd.status).toBe(403)
    expect(odd.statusText).toBe('Forbidden')
    expect(odd.json.message).toBe('Nein\nniemals')
    const notStatus = await restFetch('/rpc/rest_raise_pt?p_code=PTX12&p_message=odd')
    expect(notStatus.status).toBe(500)
    expect(notStatus.json.code).toBe('PTX12')
  })

  it('SQLSTATE PGRST: the body from MESSAGE, status, status text and headers from DETAIL', async () => {
    const res = await pgrst(
      { code: 'PAY01', message: 'Payment required', details: 'Quota exceeded', hint: 'Upgrade' },
      { status: 402, status_text: 'Pay Up', headers: { 'X-Powered-By': 'Nerd Rage' } },
    )
    expect(res.status).toBe(402)
    expect(res.statusText).toBe('Pay Up')
    expect(res.headers.get('x-powered-by')).toBe('Nerd Rage')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.json).toEqual({
      code: 'PAY01',
      message: 'Payment required',
      details: 'Quota exceeded',
      hint: 'Upgrade',
    })
    const minimal = await pgrst({ code: 'X1', message: 'Gone' }, { status: 410, headers: {} })
    expect(minimal.status).toBe(410)
    expect(minimal.statusText).toBe('Gone')
    expect(minimal.json).toEqual({ code: 'X1', message: 'Gone', details: null, hint: null })
  })

  it('a PGRST error that cannot be read is 500 PGRST121 saying what is wrong', async () => {
    const cases: Array<[unknown, unknown, RegExp]> = [
      ['not json', { status: 400, headers: {} }, /MESSAGE/],
      [{ message: 'no code' }, { status: 400, headers: {} }, /MESSAGE/],
      [
        { code: 'A', message: 'B', details: { nested: true } },
        { status: 400, headers: {} },
        /MESSAGE/,
      ],
      [{ code: 'A', message: 'B' }, undefined, /DETAIL is missing/],
      [{ code: 'A', message: 'B' }, 'not json', /DETAIL/],
      [{ code: 'A', message: 'B' }, { status: 400 }, /DETAIL/],
      [{ code: 'A', message: 'B' }, { status: 42, headers: {} }, /DETAIL/],
      [{ code: 'A', message: 'B' }, { status: 400, headers: { 'X-A': 'line\r\nbreak' } }, /header/],
      [{ code: 'A', message: 'B' }, { status: 400, headers: { 'Bad Name': 'x' } }, /header/],
    ]
    for (const [message, detail, problem] of cases) {
      const res = await pgrst(message, detail)
      const label = JSON.stringify([message, detail])
      expect(res.status, label).toBe(500)
      expect(res.json.code, label).toBe('PGRST121')
      expect(`${res.json.details} ${res.json.hint}`, label).toMatch(problem)
    }
    expect((await anonClient().rpc('rest_add', { a: 1, b: 2 })).data).toBe(3)
  })
})
