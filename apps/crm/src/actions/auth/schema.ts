import { z } from 'zod'

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter your work email address' })),
  password: z.string().min(1, 'Enter your password'),
  /** Where to go after signing in (a same-site path; anything else goes to /customers). */
  next: z.string().optional(),
})

/** A business owner's new account. */
export const signUpSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter your name').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter your work email address' })),
  password: z.string().min(8, 'Use at least 8 characters.').max(200),
})
