import type { IncomingMessage, ServerResponse } from 'node:http'
import { isConnectionFailure } from '../db/connection-errors.ts'
import { createPool } from '../db/pool.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { authenticate, createTokenVerifier } from './auth.ts'
import { findRelation, type RestRequest, type RestResponse, settingsFor } from './context.ts'
import { fromPgError, isPgError, RestError } from './errors.ts'
import { parsePrefer } from './parse/prefer.ts'
import { parseQuery } from './parse/query.ts'
import { checkQueryText } from './parse/query-text.ts'
import {
  countFor,
  executeRead,
  pageFor,
  type ReadOptions,
  type ReadRow,
  readNeedsMoreThanOneStatement,
  readResponse,
  readResultOf,
  readStatementSql,
} from './read.ts'
import { readRestBody } from './request-body.ts'
import { apiUrlFor } from '../http/api-url.ts'
import { openApiDocument, visibleObjects } from './openapi.ts'
import { negotiate, negotiateOpenApi } from './response.ts'
import { handleRpc } from './rpc.ts'
import type { SchemaCache } from './schema-cache.ts'
import { createSchemaCacheHolder } from './schema-cache-holder.ts'
import { Params, qualified } from './sql/quote.ts'
import { planRead } from './sql/read-sql.ts'
import { inRequestStatement, inRequestTransaction } from './transaction.ts'
import { handleWrite } from './write.ts'

const READ_METHODS = new Set(['GET', 'HEAD'])
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function send(res: ServerResponse, response: RestResponse) {
  const headers: Record<string, string | number> = { ...response.headers }
  if (response.body !== '' && !headers['content-type'])
    headers['content-type'] = 'application/json; charset=utf-8'
  headers['content-length'] = Buffer.byteLength(response.body)
  if (response.statusText) res.writeHead(response.status, response.statusText, headers)
  else res.writeHead(response.status, headers)
  res.end(res.req.method === 'HEAD' ? undefined : response.body)
}

function errorResponse(error: RestError): RestResponse {
  return {
    status: error.status,
    ...(error.statusText ? { statusText: error.statusText } : {}),
    headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
    body: JSON.stringify(error.toJson()),
  }
}

function pathSegments(path: string): string[] {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s))
  } catch {
    throw new RestError(404, 'PGRST125', `Invalid path specified in request URL: ${path}`)
  }
}

/** `Accept-Profile` (reads) / `Content-Profile` (writes) pick one of the exposed schemas. */
function schemaFor(req: IncomingMessage, method: string, cache: SchemaCache): string {
  const header = READ_METHODS.has(method)
    ? req.headers['accept-profile']
    : req.headers['content-profile']
  const requested = Array.isArray(header) ? header[0] : header
  const schema = requested?.trim() || cache.schemas[0] || 'public'
  if (!cache.schemas.includes(schema)) {
    throw new RestError(
      406,
      'PGRST106',
      `The schema must be one of the following: ${cache.schemas.join(', ')}`,
      null,
      null,
    )
  }
  return schema
}

/** `GET /`: the OpenAPI document of the schema, as the caller's role sees it. */
async function openApiDocumentResponse(
  req: IncomingMessage,
  method: string,
  r: Pick<RestRequest, 'cache' | 'schema' | 'auth' | 'prefs' | 'config' | 'pool'>,
): Promise<RestResponse> {
  if (!READ_METHODS.has(method)) {
    throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`)
  }
  negotiateOpenApi(req.headers.accept)
  const request: RestRequest = {
    ...r,
    req,
    url: new URL('http://local/'),
    method,
    path: '/',
    media: { kind: 'array', stripNulls: false },
  }
  const visible = await inRequestTransaction(r.pool, settingsFor(request, true), (client) =>
    visibleObjects(client, r.schema),
  )
  const document = openApiDocument(r.cache, r.schema, visible, apiUrlFor(r.config, req))
  return {
    status: 200,
    headers: { 'content-type': 'application/openapi+json; charset=utf-8' },
    body: method === 'HEAD' ? '' : JSON.stringify(document),
  }
}

/** PostgREST-compatible API at /rest/v1: every request runs as the caller's role, so RLS decides. */
export function createRestService(ctx: ServiceContext): HttpService {
  const schemaCache = createSchemaCacheHolder(ctx.pool, ctx.databaseUrl, ctx.log)
  // Request transactions get their own pipelining pool: BEGIN and the settings share a round trip.
  const pool = createPool(
    { name: 'REST', connectionString: ctx.databaseUrl, max: 20, pipeline: true },
    ctx.log,
  )
  const verify = createTokenVerifier(ctx.jwt)

  async function route(
    req: IncomingMessage,
    path: string,
    url: URL,
    seen: { anonymous: boolean },
  ): Promise<RestResponse> {
    const method = (req.method ?? 'GET').toUpperCase()
    if (!READ_METHODS.has(method) && !WRITE_METHODS.has(method)) {
      throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`)
    }
    const cache = await schemaCache.current()
    const auth = await authenticate(req, url, verify, cache.roles, ctx.config.restRequireApiKey)
    seen.anonymous = auth.anonymous
    const prefs = parsePrefer(req.headers.prefer, cache.timezones)
    const schema = schemaFor(req, method, cache)
    const segments = pathSegments(path)
    checkQueryText(url.search)
    if (segments.length === 0) {
      return openApiDocumentResponse(req, method, {
        cache,
        schema,
        auth,
        prefs,
        config: ctx.config,
        pool,
      })
    }
    const media = negotiate(req.headers.accept, cache.planEnabled)
    const r: RestRequest = {
      req,
      url,
      method,
      path,
      cache,
      auth,
      prefs,
      schema,
      media,
      config: ctx.config,
      pool,
    }
    // Functions read their own body: raw text, XML and bytes are arguments too.
    if (segments.length === 2 && segments[0] === 'rpc')
      return handleRpc(r, cache, segments[1] as string)
    const body =
      READ_METHODS.has(method) || method === 'DELETE'
        ? undefined
        : await readRestBody(req, ctx.config.maxBodyBytes)

    if (segments.length !== 1) {
      throw new RestError(404, 'PGRST125', `Invalid path specified in request URL: ${path}`)
    }
    const relation = findRelation(cache, schema, segments[0] as string)
    const params = new URLSearchParams(url.search)
    params.delete('apikey')
    const query = parseQuery(params)
    if (WRITE_METHODS.has(method)) return handleWrite(r, cache, relation, query, body)

    const node = planRead(cache, relation, query)
    const page = pageFor(r, query)
    const head = method === 'HEAD'
    const sqlParams = new Params()
    const source = qualified(relation.schema, relation.name)
    const opts: ReadOptions = { count: countFor(r), maxRows: ctx.config.maxRows, media, head }
    const settings = settingsFor(r, true)
    const result = readNeedsMoreThanOneStatement(opts)
      ? await inRequestTransaction(pool, settings, (client) =>
          executeRead(client, sqlParams, node, source, page, opts),
        )
      : readResultOf(
          (
            await inRequestStatement<ReadRow>(pool, settings, {
              text: readStatementSql(sqlParams, node, source, page, opts, opts.count !== null),
              values: sqlParams.values,
            })
          ).rows[0],
        )
    return readResponse(r, result, page, head)
  }

  return {
    prefix: '/rest/v1',
    async handle(req, res, path, url) {
      let response: RestResponse
      const seen = { anonymous: true }
      try {
        response = await route(req, path, url, seen)
      } catch (error) {
        if (error instanceof RestError) response = errorResponse(error)
        else if (isConnectionFailure(error)) {
          // The server is down, restarting, or cut this connection: not the request's fault.
          ctx.log.warn('REST request lost its database connection', { path, error: String(error) })
          response = errorResponse(
            new RestError(
              503,
              'PGRST001',
              'Could not connect with the database: the connection was lost. Retry the request.',
              String((error as Error).message ?? error),
            ),
          )
        } else if (isPgError(error)) response = errorResponse(fromPgError(error, seen.anonymous))
        else {
          ctx.log.error('REST request failed', {
            path,
            error: String((error as Error)?.stack ?? error),
          })
          response = errorResponse(new RestError(500, 'PGRST000', 'Internal server error'))
        }
      }
      send(res, response)
    },
    async close() {
      await schemaCache.close()
      await pool.end()
    },
  }
}
