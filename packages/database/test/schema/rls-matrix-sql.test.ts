import { defineMatrix } from './support/define-matrix.ts'
import { sqlDriver } from './support/drivers.ts'

// The same statements PostgREST runs, sent directly: request.jwt.claims + SET LOCAL ROLE.
defineMatrix(sqlDriver)
