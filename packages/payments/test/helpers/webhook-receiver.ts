import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Delivery {
  body: string
  signature: string | null
}

export interface WebhookReceiver {
  url: string
  deliveries: Delivery[]
  /** What the next deliveries get answered (default 200). */
  respondWith(status: number): void
  close(): Promise<void>
}

/** A stand-in for the app's webhook route: keeps every delivery exactly as it arrived. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = []
  let status = 200
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const signature = req.headers['stripe-signature']
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: typeof signature === 'string' ? signature : null,
      })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ received: status < 300 }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/payments/webhook`,
    deliveries,
    respondWith: (next) => {
      status = next
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
