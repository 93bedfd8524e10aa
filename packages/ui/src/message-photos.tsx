/** A photo attached to a message, with its signed links (null where Storage refused one). */
export interface MessagePhoto {
  id: string
  name: string
  url: string | null
  thumbnailUrl: string | null
}

/**
 * The photos of one message bubble, as thumbnails that open the full image. The links are signed
 * and short-lived: pages sign them again on every render.
 */
export function MessagePhotos({
  photos,
  altPrefix,
}: {
  photos: readonly MessagePhoto[]
  altPrefix: string
}) {
  if (photos.length === 0) return null
  return (
    <ul aria-label="Photos" className="mb-1 flex flex-wrap gap-1">
      {photos.map((p) => (
        <li key={p.id} data-testid="message-photo" className="overflow-hidden rounded-lg">
          <a href={p.url ?? undefined} target="_blank" rel="noreferrer" className="block">
            <img
              src={p.thumbnailUrl ?? p.url ?? undefined}
              alt={`${altPrefix}: ${p.name}`}
              loading="lazy"
              className="size-32 max-w-full bg-slate-100 object-cover sm:size-40"
              onError={(event) => {
                // No image transformation on this project: show the image itself.
                if (p.url && event.currentTarget.src !== p.url) event.currentTarget.src = p.url
              }}
            />
          </a>
        </li>
      ))}
    </ul>
  )
}
