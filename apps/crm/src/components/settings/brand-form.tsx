'use client'

import { useActionForm } from '@repo/actions/form'
import type { OrganizationRow } from '@repo/database/types'
import { isHexColour } from '@repo/domain/organizations'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import Link from 'next/link'
import { useState } from 'react'
import { updateBrandAction } from '@/actions/business/update-brand-action.ts'

/** The business's colour in its e-mails, and the contact details every e-mail shows. */
export function BrandForm({ organization: org }: { organization: OrganizationRow }) {
  const [colour, setColour] = useState(org.accent_color)
  const { formProps, pending, fieldError } = useActionForm(updateBrandAction, {
    success: 'E-mail colour saved',
  })
  const contact = [org.phone, org.email, org.address].filter(Boolean)
  return (
    <form {...formProps} noValidate aria-label="E-mail brand" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Accent colour"
          name="accentColor"
          value={colour}
          onChange={(e) => setColour(e.target.value)}
          hint="The bar, your name and the button in every e-mail, e.g. #0f766e: dark enough for white text."
          error={fieldError('accentColor')}
          className="w-64"
        />
        <input
          type="color"
          aria-label="Pick the accent colour"
          value={isHexColour(colour) ? colour.toLowerCase() : '#000000'}
          onChange={(e) => setColour(e.target.value)}
          className="mb-7 h-11 w-14 cursor-pointer rounded border border-slate-300 bg-white p-1"
        />
      </div>
      <div className="text-sm text-slate-700">
        <p>
          Every e-mail shows your contact details:{' '}
          {contact.length ? (
            <span className="text-slate-900">{contact.join(' · ')}</span>
          ) : (
            'none yet'
          )}
          .{' '}
          <Link href="/settings" className="text-sky-800 underline underline-offset-4">
            Change them in General settings
          </Link>
        </p>
      </div>
      <Button type="submit" pending={pending}>
        Save colour
      </Button>
    </form>
  )
}
