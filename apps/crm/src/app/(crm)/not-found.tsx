import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">Not found</h2>
      <p className="mt-1 text-sm text-slate-700">This record does not exist or is not in your organization.</p>
      <Link href="/customers" className="mt-4 inline-block text-sky-800 underline">
        Back to customers
      </Link>
    </div>
  )
}
