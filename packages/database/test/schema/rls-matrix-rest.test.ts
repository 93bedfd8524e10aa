import { defineMatrix } from './support/define-matrix.ts'
import { restDriver } from './support/drivers.ts'

// The matrix as the apps meet it: supabase-js against the local stack's REST API.
defineMatrix(restDriver)
