import type { MetadataRoute } from 'next'

// The installable CRM: added to a phone's home screen it opens on My day, full screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/my-day',
    name: 'Dirt Free CRM',
    short_name: 'Dirt Free',
    description: 'Your visits today, on the phone, with or without a connection.',
    start_url: '/my-day',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0369a1',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}
