import { LogOutIcon } from 'lucide-react'
import { Button } from './button.tsx'

/**
 * The header's "Sign out": a form, so it works before hydration and without JavaScript.
 * `compact` shows only an icon on phones (the name stays for screen readers), leaving the
 * header's width to the business name.
 */
export function SignOutForm({ action, compact = false }: { action: () => Promise<void>; compact?: boolean }) {
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" className={compact ? 'px-2 font-medium sm:px-3' : 'px-3 font-medium'}>
        {compact ? <LogOutIcon aria-hidden="true" className="size-5 sm:hidden" /> : null}
        <span className={compact ? 'max-sm:sr-only' : undefined}>Sign out</span>
      </Button>
    </form>
  )
}
