import { can, type StaffRole } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'

/** "Export CSV" for the roles that may take the business's data out (owners, admins, office). */
export function ExportCsvButton({ file, role }: { file: 'customers.csv' | 'jobs.csv' | 'invoices.csv'; role: StaffRole }) {
  if (!can(role, 'data.export')) return null
  return (
    <Button asChild variant="secondary">
      {/* A download, not a page: no client-side navigation or prefetch. */}
      <a href={`/export/${file}`} download>
        Export CSV
      </a>
    </Button>
  )
}
