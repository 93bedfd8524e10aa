import { z } from 'zod'

const email = z.email({ message: 'Enter a valid email address.' }).max(254)

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { message: 'Enter your password.' }).max(200),
  next: z.string().optional(),
})

export const emailOnlySchema = z.object({ email })

export { newPasswordSchema, safeNextPath } from '@repo/actions/auth'
