import bcrypt from 'bcryptjs'

// GoTrue's bcrypt cost; also verifies pgcrypto's `crypt(pw, gen_salt('bf'))` ($2a$) hashes.
const BCRYPT_COST = 10

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST)
}

export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (!hash?.startsWith('$2')) return false
  try {
    return await bcrypt.compare(password, hash)
  } catch {
    return false
  }
}
