import nodemailer from 'nodemailer'
import { afterEach, describe, expect, it } from 'vitest'
import { anonClient, stackEnv, uniqueEmail } from '../helpers.ts'

const api = (path: string, init?: RequestInit) => fetch(`${stackEnv().MAILPIT_URL}${path}`, init)

function smtp() {
  const url = new URL(stackEnv().SMTP_URL)
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    ignoreTLS: true,
  })
}

interface Listing {
  total: number
  messages_count: number
  messages: {
    ID: string
    MessageID: string
    Subject: string
    To: { Address: string }[]
    Snippet: string
  }[]
}

async function search(to: string): Promise<Listing> {
  const res = await api(`/api/v1/search?query=${encodeURIComponent(`to:${to}`)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Listing
}

describe('mail catcher: real SMTP in, Mailpit-shaped API and a web page out', () => {
  afterEach(async () => {
    await api('/api/v1/sms', { method: 'DELETE' })
  })

  it('keeps a mail sent over SMTP with its HTML and text parts, found by recipient', async () => {
    const to = uniqueEmail('caught')
    await smtp().sendMail({
      from: 'Dirt Free <hello@dirtfree.test>',
      to,
      subject: 'Your appointment is confirmed',
      text: 'See you Thursday at 9:00 AM.',
      html: '<p>See you <b>Thursday</b> at 9:00 AM.</p>',
      headers: { 'X-Notification-Key': 'k-1' },
    })
    const found = await search(to)
    expect(found.messages_count).toBe(1)
    const [summary] = found.messages
    expect(summary?.Subject).toBe('Your appointment is confirmed')
    expect(summary?.Snippet).toBe('See you Thursday at 9:00 AM.')

    const full = (await (await api(`/api/v1/message/${summary?.ID}`)).json()) as Record<
      string,
      unknown
    >
    expect(full.Text).toBe('See you Thursday at 9:00 AM.')
    expect(full.HTML).toContain('<b>Thursday</b>')
    expect(full.From).toEqual({ Name: 'Dirt Free', Address: 'hello@dirtfree.test' })
    const headers = (await (await api(`/api/v1/message/${summary?.ID}/headers`)).json()) as Record<
      string,
      string[]
    >
    expect(headers['x-notification-key']).toEqual(['k-1'])

    const page = await (await api('/')).text()
    expect(page).toContain('Your appointment is confirmed')
    const view = await (await api(`/view/${summary?.ID}`)).text()
    expect(view).toContain('sandbox=""')
    expect(view).toContain('See you Thursday at 9:00 AM.')
  })

  it('drops a second copy with the same Message-ID, as receiving mailboxes do', async () => {
    const to = uniqueEmail('resent')
    const mail = {
      from: 'a@dirtfree.test',
      to,
      subject: 'Receipt',
      text: 'Paid',
      messageId: `<${to}.receipt@dirtfree.test>`,
    }
    await smtp().sendMail(mail)
    await smtp().sendMail(mail)
    expect((await search(to)).messages_count).toBe(1)
    await smtp().sendMail({ ...mail, messageId: `<${to}.other@dirtfree.test>` })
    expect((await search(to)).messages_count).toBe(2)
  })

  it('deletes messages by id, and answers 404 for one that is gone', async () => {
    const to = uniqueEmail('deleted')
    await smtp().sendMail({ from: 'a@dirtfree.test', to, subject: 'Bye', text: 'x' })
    const [summary] = (await search(to)).messages
    const res = await api('/api/v1/messages', {
      method: 'DELETE',
      body: JSON.stringify({ IDs: [summary?.ID] }),
    })
    expect(res.status).toBe(200)
    expect((await search(to)).messages_count).toBe(0)
    expect((await api(`/api/v1/message/${summary?.ID}`)).status).toBe(404)
  })

  it('lists text messages posted by the local SMS provider, once per idempotency key', async () => {
    const post = (body: unknown) =>
      api('/api/v1/sms', { method: 'POST', body: JSON.stringify(body) })
    expect(
      (await post({ to: '+15550100', body: 'On our way', idempotency_key: 'sms-1' })).status,
    ).toBe(201)
    expect(
      (await post({ to: '+15550100', body: 'On our way', idempotency_key: 'sms-1' })).status,
    ).toBe(200)
    expect((await post({ to: '', body: 'x' })).status).toBe(400)
    const list = (await (await api('/api/v1/sms?to=%2B15550100')).json()) as {
      count: number
      messages: { Body: string }[]
    }
    expect(list.count).toBe(1)
    expect(list.messages[0]?.Body).toBe('On our way')
    expect(await (await api('/')).text()).toContain('On our way')
  })

  it("shows Auth's mails: a magic link arrives over SMTP and /_mailbox still reads it", async () => {
    const email = uniqueEmail('magic')
    const { error } = await anonClient().auth.signInWithOtp({ email })
    expect(error).toBeNull()
    const [caught] = (await search(email)).messages
    // With confirmations off (these tests' config), GoTrue signs a new address up at once and
    // sends it a magic link.
    expect(caught?.Subject).toBe('Your Magic Link')
    const mailbox = (await (
      await fetch(`${stackEnv().API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`)
    ).json()) as {
      type: string
      token_hash: string
      links: string[]
    }[]
    expect(mailbox).toHaveLength(1)
    expect(mailbox[0]?.type).toBe('magiclink')
    expect(mailbox[0]?.token_hash).toMatch(/^[0-9a-f]{56}$/)
    expect(mailbox[0]?.links[0]).toContain('/auth/v1/verify?token=')
  })
})
