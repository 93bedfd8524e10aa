/**
 * A posted form as a plain object for the schema: one string per field, an array where a name
 * repeats. React's own `$ACTION_…` fields are left out.
 */
export function formToObject(
  form: FormData,
): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const result: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {}
  for (const name of new Set(form.keys())) {
    if (name.startsWith('$ACTION')) continue
    const values = form.getAll(name)
    result[name] = values.length === 1 ? (values[0] as FormDataEntryValue) : values
  }
  return result
}
