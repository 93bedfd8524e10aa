'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { type FormAction, useActionForm } from '@repo/actions/form'
import { FormMessage } from '@repo/actions/form'

/** One e-mail field and a button: used for magic links and password resets. */
export function EmailLinkForm({ action, submitLabel, idPrefix }: { action: FormAction<string>; submitLabel: string; idPrefix: string }) {
  // The outcome is announced under the field (FormMessage), not in a toast.
  const { formProps, result, pending, fieldError, value } = useActionForm(action, { failure: false })
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <TextField id={`${idPrefix}-email`} label="Email" name="email" type="email" autoComplete="email" required defaultValue={value('email')} error={fieldError('email')} />
      <FormMessage state={result} />
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        {submitLabel}
      </Button>
    </form>
  )
}
