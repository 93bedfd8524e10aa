import { isConnectionFailure } from '../db/connection-errors.ts'
import { isPgError } from '../rest/errors.ts'

/**
 * An error as Supabase Storage renders it: `{statusCode, code, error, message}` where
 * `statusCode` is the error's own status as a string. Like Supabase Storage, the HTTP status is
 * 400 for every client error (500 for server errors), except where `httpStatus` says otherwise.
 */
export class StorageError extends Error {
  readonly httpStatus: number
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly error: string,
    message: string,
    httpStatus?: number,
  ) {
    super(message)
    this.httpStatus = httpStatus ?? (statusCode >= 500 ? statusCode : 400)
  }

  toJson(): { statusCode: string; code: string; error: string; message: string } {
    return {
      statusCode: String(this.statusCode),
      code: this.code,
      error: this.error,
      message: this.message,
    }
  }
}

/** The errors Supabase Storage answers (`src/internal/errors/codes.ts` there), by name. */
export const storageErrors = {
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'not_found', 'Object not found'),
  accessDenied: (message: string) => new StorageError(403, 'AccessDenied', 'Unauthorized', message),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') =>
    new StorageError(400, 'InvalidSignature', 'InvalidSignature', message),
  keyAlreadyExists: () =>
    new StorageError(409, 'KeyAlreadyExists', 'Duplicate', 'The resource already exists'),
  bucketAlreadyExists: () =>
    new StorageError(409, 'BucketAlreadyExists', 'Duplicate', 'The resource already exists'),
  bucketNotEmpty: () =>
    new StorageError(
      409,
      'ResourceNotEmpty',
      'ResourceNotEmpty',
      'The bucket you tried to delete is not empty',
    ),
  entityTooLarge: (entity = 'object') =>
    new StorageError(
      413,
      'EntityTooLarge',
      'Payload too large',
      `The ${entity} exceeded the maximum allowed size`,
    ),
  invalidMimeType: (mimeType: string) =>
    new StorageError(
      415,
      'InvalidMimeType',
      'invalid_mime_type',
      `mime type ${mimeType} is not supported`,
    ),
  invalidKey: (key: string) =>
    new StorageError(400, 'InvalidKey', 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () =>
    new StorageError(400, 'InvalidBucketName', 'Invalid Input', 'Bucket name invalid'),
  invalidFileSizeLimit: (message = 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B') =>
    new StorageError(400, 'InvalidRequest', 'InvalidRequest', message),
  /** Bad bodies and parameters, as Storage's schema validation answers them. */
  badRequest: (message: string) => new StorageError(400, 'InvalidRequest', 'Bad Request', message),
  noContent: () => new StorageError(400, 'InvalidRequest', 'InvalidRequest', 'No content provided'),
  invalidRange: (size: number) =>
    Object.assign(
      new StorageError(416, 'InvalidRange', 'invalid_range', 'invalid range provided', 416),
      {
        size,
      },
    ),
  imageProcessing: (message: string) =>
    new StorageError(422, 'InvalidRequest', 'InvalidRequest', message),
  notFound: (path: string) =>
    new StorageError(404, 'NotFound', 'Not Found', `Route ${path} not found`, 404),
  unavailable: () =>
    new StorageError(
      503,
      'DatabaseError',
      'DatabaseError',
      'The database is unavailable right now; retry shortly.',
      503,
    ),
  internal: () => new StorageError(500, 'InternalError', 'Internal', 'Internal server error'),
}

/** Postgres errors as Supabase Storage maps them (`DBError.fromDBError`). */
export function fromDatabaseError(error: unknown): StorageError | null {
  if (isConnectionFailure(error)) return storageErrors.unavailable()
  if (!isPgError(error)) return null
  switch (error.code) {
    case '42501':
      return storageErrors.accessDenied(
        error.message.includes('row-level security')
          ? 'new row violates row-level security policy'
          : error.message,
      )
    case '23505':
      return storageErrors.keyAlreadyExists()
    case '23503':
      return new StorageError(
        404,
        'InvalidRequest',
        'InvalidRequest',
        'The related resource does not exist',
      )
    case '57014':
      return new StorageError(
        544,
        'DatabaseTimeout',
        'DatabaseTimeout',
        'The connection to the database timed out',
        544,
      )
    case '22P02':
      return new StorageError(400, 'InvalidParameter', 'InvalidParameter', error.message)
    default:
      return new StorageError(
        500,
        'DatabaseError',
        'DatabaseError',
        `database error, code: ${error.code}`,
      )
  }
}
