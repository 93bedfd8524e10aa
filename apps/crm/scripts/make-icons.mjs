// Renders the installable app's icons from src/app/icon.svg into public/icons/ (committed; run
// again after changing the icon): `node scripts/make-icons.mjs`. "any" icons keep the rounded
// square; maskable ones fill the square edge to edge and keep the drawing inside the central 80 %
// that every launcher mask leaves visible.
import { readFile } from 'node:fs/promises'
import sharp from 'sharp'

const root = new URL('..', import.meta.url).pathname
const svg = await readFile(`${root}src/app/icon.svg`, 'utf8')

// The drawing alone (the paths), and the background colour of the rounded square.
const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#0369a1'
const drawing = [...svg.matchAll(/<path[^>]*\/>/g)].map((m) => m[0]).join('')
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${background}"/>
  <g transform="translate(32 32) scale(0.72) translate(-32 -32)">${drawing}</g>
</svg>`

for (const size of [192, 512]) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(`${root}public/icons/icon-${size}.png`)
  await sharp(Buffer.from(maskable), { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(`${root}public/icons/maskable-${size}.png`)
}
