// Kept apart from the zod schemas: the invoice form (a client component) imports it.
/** Subtotal shown while editing; the saved totals are computed by the database. */
export function previewSubtotal(items: { quantity: number; unitPriceCents: number }[]): number {
  return items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0)
}
