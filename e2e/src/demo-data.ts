/** Fixed ids and logins from supabase/seed.sql. */
export const demo = {
  password: 'password123',
  organizationId: '10000000-0000-4000-8000-000000000001',
  staff: {
    owner: 'owner@dirtfree.test',
    office: 'office@dirtfree.test',
    tech: 'tech@dirtfree.test',
    /** tech@dirtfree.test's staff id: technicians only see the jobs assigned to them. */
    techId: '20000000-0000-4000-8000-000000000003',
  },
  alice: {
    email: 'alice@example.com',
    customerId: '30000000-0000-4000-8000-000000000001',
    firstName: 'Alice',
    upcomingJobTitle: 'Sofa & loveseat upholstery cleaning',
    scheduledJobId: '50000000-0000-4000-8000-000000000003',
    openInvoiceNumber: 'INV-1004',
  },
  bob: {
    email: 'bob@example.com',
    customerId: '30000000-0000-4000-8000-000000000002',
    jobId: '50000000-0000-4000-8000-000000000008',
    jobTitle: 'Pet odor treatment — bedroom',
    invoiceId: '60000000-0000-4000-8000-000000000003',
    invoiceNumber: 'INV-1003',
  },
} as const
