import { z } from 'zod'
import { recordId } from '../ids.ts'

export const portalAccessSchema = z.object({ customerId: recordId('Customer') })
