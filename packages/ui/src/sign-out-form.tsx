import { Button } from './button.tsx'

/** The header's "Sign out": a form, so it works before hydration and without JavaScript. */
export function SignOutForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" className="px-3 font-medium">
        Sign out
      </Button>
    </form>
  )
}
