'use client'

import { useActionForm } from '@repo/actions/form'
import { addDaysToKey, dayKey } from '@repo/domain/dates'
import { quoteToast } from '@repo/domain/quotes'
import { Button } from '@repo/ui/button'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { createQuoteAction } from '@/actions/quotes/quote-actions.ts'
import type { CatalogService, TaxRateChoice } from '@/components/line-items/line-draft.ts'
import { PropertySelect } from '@/components/properties/property-select.tsx'
import { usePropertyChoices } from '@/components/properties/use-property-choices.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { newRecordId } from './new-record-id.ts'
import { QuoteFormFields } from './quote-form-fields.tsx'
import { useQuoteDraft } from './use-quote-draft.ts'

/** Whom a quote can be for: the business's customers, by name. */
export interface CustomerChoice {
  id: string
  name: string
}

/**
 * A new quote: for a customer, from the catalog or free text, with options and a deposit; saved as
 * a draft or sent at once. The quote's id is chosen here, so a repeated submit makes one quote.
 */
export function NewQuoteForm({
  customers,
  customerId,
  services,
  taxRates,
}: {
  customers: CustomerChoice[]
  customerId: string | null
  services: CatalogService[]
  taxRates: TaxRateChoice[]
}) {
  const router = useRouter()
  const { timeZone, currency } = useStaffSession()
  const draft = useQuoteDraft()
  const [quoteId] = useState(newRecordId)
  const [leaving, setLeaving] = useState(false)
  const [chosenCustomer, setChosenCustomer] = useState(customerId ?? '')
  const property = usePropertyChoices(chosenCustomer || null)
  const send = useRef(false)
  const { formProps, pending, fieldError } = useActionForm(createQuoteAction, {
    toInput: (form) => ({
      quoteId,
      customerId: String(form.get('customerId') ?? ''),
      propertyId: property.propertyId || null,
      send: send.current,
      ...draft.readInput(form),
    }),
    success: quoteToast.created,
    onSuccess: (quote) => {
      setLeaving(true)
      router.push(`/quotes/${quote.id}`)
    },
  })
  const busy = pending || leaving

  return (
    <form {...formProps} aria-label="New quote" noValidate className="space-y-5">
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="quote-customer" label="Customer" error={fieldError('customerId')}>
          {(control) => (
            <NativeSelect
              {...control}
              name="customerId"
              value={chosenCustomer}
              onChange={(e) => setChosenCustomer(e.target.value)}
            >
              <NativeSelectOption value="">Choose a customer…</NativeSelectOption>
              {customers.map((c) => (
                <NativeSelectOption key={c.id} value={c.id}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        {chosenCustomer ? (
          <PropertySelect
            id="quote-property"
            choices={property.choices}
            value={property.propertyId}
            onChange={property.setPropertyId}
            error={fieldError('propertyId')}
          />
        ) : null}
      </div>
      <QuoteFormFields
        draft={draft}
        defaultValidUntil={addDaysToKey(dayKey(new Date(), timeZone), 30)}
        services={services}
        taxRates={taxRates}
        currency={currency}
        fieldError={fieldError}
      />
      <div className="flex flex-wrap gap-2">
        {/* First in the form: pressing Enter in a field saves a draft, it never sends. */}
        <Button
          type="submit"
          variant="secondary"
          pending={busy && !send.current}
          disabled={busy}
          onClick={() => {
            send.current = false
          }}
        >
          Save draft
        </Button>
        <Button
          type="submit"
          pending={busy && send.current}
          disabled={busy}
          onClick={() => {
            send.current = true
          }}
        >
          Save and send
        </Button>
      </div>
    </form>
  )
}
