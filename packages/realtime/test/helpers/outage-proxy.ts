import net from 'node:net'

/**
 * A TCP hop between the client and the stack that can drop every connection and refuse new ones
 * (the realtime endpoint going away), then accept again on the same port (it coming back).
 */
export interface OutageProxy {
  url: string
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const { hostname, port: targetPort } = new URL(target)
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(Number(targetPort), hostname)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream).pipe(client)
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port
        server = next
        resolve()
      })
    })

  const down = async () => {
    const current = server
    server = null
    for (const socket of sockets) socket.destroy()
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  await listen()
  return { url: `http://127.0.0.1:${port}`, down, up: listen, close: down }
}
