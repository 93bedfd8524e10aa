import { z } from 'zod'

// Read through a computed key so Next never inlines build-time values: one build serves any stack.
function read(name: string): string | undefined {
  const value = process.env[name]
  return value === '' ? undefined : value
}

const schema = z.object({
  url: z.url({ message: 'NEXT_PUBLIC_SUPABASE_URL must be a URL such as http://127.0.0.1:54321' }),
  anonKey: z.string({ message: 'NEXT_PUBLIC_SUPABASE_ANON_KEY (or NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) is missing' }).min(20),
})

export type PortalEnv = z.infer<typeof schema>

/** Validates the env the portal needs at start and names what is missing. */
export function readServerEnv(source: (name: string) => string | undefined = read): PortalEnv {
  const result = schema.safeParse({
    url: source('NEXT_PUBLIC_SUPABASE_URL'),
    anonKey: source('NEXT_PUBLIC_SUPABASE_ANON_KEY') ?? source('NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'),
  })
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.message}`).join('\n')
    throw new Error(`The portal cannot start, its environment is incomplete:\n${problems}\nSee apps/portal/.env.example.`)
  }
  return result.data
}

export function assertServerEnv(): void {
  readServerEnv()
}
