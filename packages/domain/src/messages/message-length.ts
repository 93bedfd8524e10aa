import { MAX_MESSAGE_CHARS } from '@repo/database/limits'

/** Whether a draft is over the limit, and the counter both apps show under the message box. */
export function messageLength(body: string): { tooLong: boolean; counter: string } {
  const tooLong = body.length > MAX_MESSAGE_CHARS
  return {
    tooLong,
    counter: tooLong
      ? `Too long: ${body.length}/${MAX_MESSAGE_CHARS} characters.`
      : `${body.length}/${MAX_MESSAGE_CHARS}`,
  }
}
