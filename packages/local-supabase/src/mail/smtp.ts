import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { Logger } from '../log.ts'
import type { Address, CatcherStore } from './store.ts'

/** Largest message the catcher accepts (Mailpit's default is unlimited; 10 MB is plenty locally). */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field]
  return objects.flatMap((o) =>
    o.value.map((a) => ({ Name: a.name ?? '', Address: (a.address ?? '').toLowerCase() })),
  )
}

/** Header values decoded (encoded words, folding) where mailparser decodes them, else as sent. */
function headerMap(parsed: ParsedMail): Record<string, string[]> {
  const map: Record<string, string[]> = {}
  for (const { key, line } of parsed.headerLines) {
    if (map[key]) {
      map[key].push(line.slice(line.indexOf(':') + 1).trim())
      continue
    }
    const decoded = parsed.headers.get(key)
    map[key] =
      typeof decoded === 'string'
        ? [decoded]
        : Array.isArray(decoded) && decoded.every((v) => typeof v === 'string')
          ? decoded
          : [
              line
                .slice(line.indexOf(':') + 1)
                .replace(/\r?\n[ \t]+/g, ' ')
                .trim(),
            ]
  }
  return map
}

/** Parses one raw message into the store; the envelope's recipients win over a missing To. */
export async function catchMessage(raw: Buffer, envelopeTo: string[], store: CatcherStore) {
  const parsed = await simpleParser(raw)
  const to = addresses(parsed.to)
  return store.addMail({
    MessageID: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
    From: addresses(parsed.from)[0] ?? null,
    To: to.length > 0 ? to : envelopeTo.map((a) => ({ Name: '', Address: a.toLowerCase() })),
    Cc: addresses(parsed.cc),
    Subject: parsed.subject ?? '',
    Size: raw.length,
    Text: parsed.text ?? '',
    HTML: typeof parsed.html === 'string' ? parsed.html : '',
    Headers: headerMap(parsed),
  })
}

export interface RunningSmtp {
  port: number
  close(): Promise<void>
}

/** A real SMTP server (no TLS, any or no login accepted), as Mailpit runs for the Supabase CLI. */
export function startSmtpServer(
  store: CatcherStore,
  host: string,
  port: number,
  log: Logger,
): Promise<RunningSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'local' })
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address)
        catchMessage(Buffer.concat(chunks), envelopeTo, store)
          .then(({ mail, duplicate }) => {
            log.info(duplicate ? 'mail dropped (same Message-ID held)' : 'mail caught', {
              to: mail.To.map((a) => a.Address),
              subject: mail.Subject,
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      server.on('error', (error) => log.warn('smtp error', { error: error.message }))
      const address = server.server.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })
}
