import Link from 'next/link'

/** Another customer's record looks exactly like a missing one. */
export default function PortalNotFound() {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-bold">Not found</h1>
      <p className="mt-1 text-slate-700">We couldn’t find that page in your account.</p>
      <Link href="/" className="mt-4 inline-flex min-h-11 items-center font-medium text-sky-800 underline">
        Back to your dashboard
      </Link>
    </div>
  )
}
