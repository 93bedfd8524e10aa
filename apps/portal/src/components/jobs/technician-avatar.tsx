/** The technician's photo, or their initials in a circle when they have none. */
export function TechnicianAvatar({
  photoUrl,
  initials,
}: {
  photoUrl: string | null
  initials: string
}) {
  if (photoUrl) {
    return (
      <img
        src={photoUrl}
        alt=""
        width={48}
        height={48}
        className="size-12 shrink-0 rounded-full object-cover"
        data-testid="technician-photo"
      />
    )
  }
  return (
    <span
      aria-hidden="true"
      className="flex size-12 shrink-0 items-center justify-center rounded-full bg-sky-200 font-semibold text-sky-900"
      data-testid="technician-initials"
    >
      {initials}
    </span>
  )
}
