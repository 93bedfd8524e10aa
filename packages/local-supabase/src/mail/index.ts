import type { Logger } from '../log.ts'
import { startCatcherHttp } from './http.ts'
import { startSmtpServer } from './smtp.ts'
import { type CatcherStore, createCatcherStore } from './store.ts'

export type { CatcherStore, CaughtMail, CaughtSms } from './store.ts'

export interface MailCatcher {
  store: CatcherStore
  /** The web page and JSON API, e.g. http://127.0.0.1:54324. */
  url: string
  httpPort: number
  smtpHost: string
  smtpPort: number
  close(): Promise<void>
}

/**
 * The local mail and SMS catcher where the Supabase CLI runs Mailpit: SMTP in, a web page and a
 * Mailpit-shaped JSON API out. Port 0 picks a free one.
 */
export async function startMailCatcher(options: {
  host: string
  httpPort: number
  smtpPort: number
  log: Logger
}): Promise<MailCatcher> {
  const store = createCatcherStore()
  const smtp = await startSmtpServer(store, options.host, options.smtpPort, options.log)
  const http = await startCatcherHttp(store, options.host, options.httpPort, options.log).catch(
    async (error) => {
      await smtp.close()
      throw error
    },
  )
  return {
    store,
    url: `http://${options.host}:${http.port}`,
    httpPort: http.port,
    smtpHost: options.host,
    smtpPort: smtp.port,
    close: async () => {
      await http.close()
      await smtp.close()
    },
  }
}
