import { type Country, currencies } from '@repo/domain/organizations'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption, type NativeSelectProps } from '@repo/ui/native-select'

type SelectProps = Omit<NativeSelectProps, 'name' | 'children' | 'id'> & { id: string; error?: string | undefined }

/** The business's time zone, from the runtime's IANA list. */
export function TimeZoneField({ id, error, timeZones, hint, ...select }: SelectProps & { timeZones: string[]; hint?: string }) {
  return (
    <Field id={id} label="Time zone" error={error} hint={hint}>
      {(control) => (
        <NativeSelect {...control} {...select} name="timezone">
          {timeZones.map((zone) => (
            <NativeSelectOption key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}

export function CountryField({ id, error, countries, ...select }: SelectProps & { countries: readonly Country[] }) {
  return (
    <Field id={id} label="Country" error={error}>
      {(control) => (
        <NativeSelect {...control} {...select} name="countryCode">
          {countries.map((c) => (
            <NativeSelectOption key={c.code} value={c.code}>
              {c.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}

export function CurrencyField({ id, error, ...select }: SelectProps) {
  return (
    <Field id={id} label="Currency" error={error}>
      {(control) => (
        <NativeSelect {...control} {...select} name="currency">
          {currencies.map((code) => (
            <NativeSelectOption key={code} value={code}>
              {code}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}
