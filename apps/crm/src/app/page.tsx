import { redirect } from 'next/navigation'
import { requireStaff } from '@/lib/staff-context.ts'

/** Technicians start on their day; everyone else on the customers. */
export default async function Home(): Promise<never> {
  const { staff } = await requireStaff()
  redirect(staff.role === 'technician' ? '/my-day' : '/customers')
}
