import { revalidatePath } from 'next/cache'
import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import { classifyError } from '../errors/classify.ts'
import {
  defaultWording,
  describeError,
  type ErrorHints,
  type ErrorWording,
  isExpected,
} from '../errors/describe.ts'
import { errorFields, type Logger } from '../logger.ts'
import { type ActionResult, fail, withValues } from '../result.ts'
import { formToObject } from './form-input.ts'
import { parseInput } from './parse-input.ts'

/** Returned by a client's `context` when the caller may not act at all (signed out, no access). */
export class Refusal {
  constructor(readonly message: string) {}
}

export function refuse(message: string): Refusal {
  return new Refusal(message)
}

/** A path to revalidate after a successful write (`{ path: '/', type: 'layout' }` for everything). */
export type RevalidateTarget = string | { path: string; type: 'layout' | 'page' }

export interface ActionClientConfig<Ctx, Role> {
  /** The signed-in caller (staff member, customer, or nothing for public actions), or a refusal. */
  context: () => Promise<Ctx | Refusal>
  /** Whether this caller may take actions that need `role`; RLS checks the same underneath. */
  allows?: (ctx: Ctx, role: Role) => boolean
  /** Ids that say who acted, for the log line (never personal data). */
  identify?: (ctx: Ctx) => Record<string, unknown>
  logger: Logger
  /** This audience's words for the failure kinds (see describeError). */
  wording?: Partial<ErrorWording>
  /** The summary shown with field errors. */
  invalidMessage?: string
}

export interface ActionDefinition<S extends z.ZodType, Role> {
  /** Names the action in logs, e.g. `jobs.schedule`. */
  name: string
  schema: S
  /** What the caller must be allowed to do; omitted: any signed-in caller. */
  role?: Role
  errors?: ErrorHints
  /** Overrides the summary shown with field errors (or the whole message for a bare value). */
  invalid?: string
  /** Posted fields echoed back after a refusal, for forms that work before JavaScript (never passwords). */
  keep?: readonly string[]
  /** Paths to revalidate after a success; paths that depend on the result: `revalidate()` in the handler. */
  revalidate?: readonly RevalidateTarget[]
}

export type ActionHandler<S extends z.ZodType, Ctx, T> = (args: {
  input: z.output<S>
  ctx: Ctx
  /** Paths to revalidate once the handler has returned a success (nothing is revalidated after a failure). */
  revalidate: (...targets: RevalidateTarget[]) => void
}) => Promise<ActionResult<T>>

/**
 * A Server Action made by the kit. Called directly with its input, or by React's `useActionState`
 * with (previous state, input or FormData): a posted form is turned into an object for the schema.
 */
export interface ServerAction<I, T> {
  (previous: ActionResult<T> | null, input: I | FormData): Promise<ActionResult<T>>
  // An action without input is called with no argument.
  (...input: undefined extends I ? [input?: I] : [input: I]): Promise<ActionResult<T>>
}

function revalidate(targets: readonly RevalidateTarget[]): void {
  for (const target of targets) {
    if (typeof target === 'string') revalidatePath(target)
    else revalidatePath(target.path, target.type)
  }
}

/**
 * One client per kind of caller. Every action it makes takes the same path: validate the input,
 * resolve the caller, check the role, run, revalidate, and turn any failure into a clear message
 * (logged once, as a warning when the user can fix it, as an error otherwise).
 */
export function createActionClient<Ctx, Role = never>(config: ActionClientConfig<Ctx, Role>) {
  const wording: ErrorWording = { ...defaultWording, ...config.wording }
  const invalidMessage = config.invalidMessage ?? 'Please correct the highlighted fields.'

  return function defineAction<S extends z.ZodType, T>(
    definition: ActionDefinition<S, Role>,
    handler: ActionHandler<S, Ctx, T>,
  ): ServerAction<z.input<S>, T> {
    const { name, schema, role, errors = {}, keep = [] } = definition

    async function run(payload: unknown): Promise<ActionResult<T>> {
      const form = payload instanceof FormData ? payload : null
      const echo = (result: ActionResult<T>) => (form ? withValues(result, form, keep) : result)
      const parsed = parseInput(
        schema,
        form ? formToObject(form) : payload,
        definition.invalid ?? invalidMessage,
      )
      if (!parsed.ok) {
        const hasFields = Object.keys(parsed.fieldErrors).length > 0
        return echo(hasFields ? fail(parsed.error, parsed.fieldErrors) : fail(parsed.error))
      }

      let who: Record<string, unknown> = {}
      try {
        const ctx = await config.context()
        if (ctx instanceof Refusal) return echo(fail(ctx.message))
        who = config.identify?.(ctx) ?? {}
        if (role !== undefined && config.allows && !config.allows(ctx, role)) {
          config.logger.warn('action refused: role', { action: name, ...who })
          return echo(fail(wording.forbidden))
        }
        const targets: RevalidateTarget[] = [...(definition.revalidate ?? [])]
        const result = await handler({
          input: parsed.data,
          ctx,
          revalidate: (...more) => targets.push(...more),
        })
        if (result.ok) {
          revalidate(targets)
          config.logger.debug('action ok', { action: name, ...who })
        }
        return echo(result)
      } catch (error) {
        // redirect() and notFound() work by throwing; they are not failures.
        unstable_rethrow(error)
        const kind = classifyError(error)
        const described = describeError(error, errors, wording)
        config.logger[isExpected(kind) ? 'warn' : 'error']('action failed', {
          action: name,
          kind,
          ...who,
          ...errorFields(error),
        })
        return echo(fail(described.error, described.fieldErrors))
      }
    }

    // React's useActionState passes (previous state, payload); a direct call passes the input alone.
    return ((...args: unknown[]) => run(args.length >= 2 ? args[1] : args[0])) as ServerAction<
      z.input<S>,
      T
    >
  }
}
