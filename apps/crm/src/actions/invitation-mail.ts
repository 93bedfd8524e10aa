// What staff read when Auth's mailer refuses an invitation, for customers and team members alike.
export const mailRateLimited = {
  over_email_send_rate_limit: 'Too many e-mails were sent just now. Try again in a few minutes.',
} as const
