'use client'

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main style={{ maxWidth: 480, margin: '4rem auto', padding: '0 1rem', fontFamily: 'system-ui' }}>
          <h1>Something went wrong</h1>
          <p>The portal could not load. Please try again.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
