/** The header's "Sign out": a form, so it works before hydration and without JavaScript. */
export function SignOutForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button type="submit" className="min-h-11 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
        Sign out
      </button>
    </form>
  )
}
