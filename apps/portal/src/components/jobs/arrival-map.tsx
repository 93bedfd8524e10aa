import { type GeoPoint, tileSpot, tileUrl } from '@repo/domain/field-work'

const ZOOM = 15

/**
 * One map tile around the technician with a dot where they are: a plain image from the configured
 * tile server, no map library in the bundle.
 */
export function ArrivalMap({ template, position }: { template: string; position: GeoPoint }) {
  const spot = tileSpot(position, ZOOM)
  return (
    <div
      className="relative mt-3 size-64 max-w-full overflow-hidden rounded-lg border border-sky-200"
      data-testid="arrival-map"
    >
      <img
        src={tileUrl(template, spot)}
        alt="Map around the technician"
        width={256}
        height={256}
        loading="lazy"
        className="size-64"
      />
      <span
        aria-hidden="true"
        className="absolute size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-sky-700 shadow"
        style={{ left: `${spot.left * 100}%`, top: `${spot.top * 100}%` }}
      />
    </div>
  )
}
