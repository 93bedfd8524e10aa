import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { MailType } from './mailbox.ts'

/** The `[auth.email.template.<name>]` tables of supabase/config.toml, as the Supabase CLI names them. */
export const TEMPLATE_NAMES = [
  'invite',
  'confirmation',
  'recovery',
  'magic_link',
  'email_change',
] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

/** Which template each kind of mail uses (GoTrue sends `signup` mails with the confirmation one). */
export const TEMPLATE_FOR: Record<MailType, TemplateName> = {
  signup: 'confirmation',
  invite: 'invite',
  magiclink: 'magic_link',
  recovery: 'recovery',
  email_change: 'email_change',
}

export interface TemplateSetting {
  subject?: string
  /** Relative to the project directory, as in the Supabase CLI (`./supabase/templates/invite.html`). */
  contentPath?: string
}

/** The values GoTrue hands its mail templates. */
export interface TemplateValues {
  SiteURL: string
  ConfirmationURL: string
  Token: string
  TokenHash: string
  RedirectTo: string
  Email: string
  NewEmail: string
  Data: Record<string, unknown>
}

const SCALAR_NAMES = new Set([
  'SiteURL',
  'ConfirmationURL',
  'Token',
  'TokenHash',
  'RedirectTo',
  'Email',
  'NewEmail',
])

/** `{{ .Name }}` or `{{ .Data.key }}`: the part of Go's template language the local stack renders. */
const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g
const FIELD = /^\.([A-Za-z]+)(?:\.([A-Za-z0-9_]+))?$/

export interface EmailTemplate {
  subject: string
  render(values: TemplateValues): string
}

/** GoTrue's default subjects. */
const DEFAULT_SUBJECTS: Record<TemplateName, string> = {
  confirmation: 'Confirm Your Signup',
  invite: 'You have been invited',
  magic_link: 'Your Magic Link',
  recovery: 'Reset Your Password',
  email_change: 'Confirm Email Change',
}

/** Used where the project configures no template: a link to Auth's /verify, like GoTrue's defaults. */
const DEFAULT_BODIES: Record<TemplateName, string> = {
  confirmation:
    '<h2>Confirm your sign-up</h2>\n<p><a href="{{ .ConfirmationURL }}">Confirm your e-mail address</a></p>\n',
  invite:
    '<h2>You have been invited</h2>\n<p>You have been invited to {{ .SiteURL }}.</p>\n<p><a href="{{ .ConfirmationURL }}">Accept the invitation</a></p>\n',
  magic_link:
    '<h2>Your sign-in link</h2>\n<p><a href="{{ .ConfirmationURL }}">Sign in</a></p>\n<p>Or enter this code: {{ .Token }}</p>\n',
  recovery:
    '<h2>Reset your password</h2>\n<p><a href="{{ .ConfirmationURL }}">Choose a new password</a></p>\n',
  email_change:
    '<h2>Confirm your new e-mail address</h2>\n<p><a href="{{ .ConfirmationURL }}">Change your address to {{ .NewEmail }}</a></p>\n',
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function fieldValue(values: TemplateValues, name: string, key: string | undefined): string {
  if (name === 'Data') {
    const raw = key === undefined ? undefined : values.Data[key]
    return raw === undefined || raw === null
      ? ''
      : typeof raw === 'string'
        ? raw
        : JSON.stringify(raw)
  }
  return values[name as Exclude<keyof TemplateValues, 'Data'>]
}

/**
 * Compiles a template once, at start: anything beyond plain fields (`if`, `range`, pipelines) is
 * refused with the file's name, so a template that hosted Auth would render differently never
 * starts silently.
 */
export function compileTemplate(source: string, where: string): (values: TemplateValues) => string {
  for (const match of source.matchAll(ACTION)) {
    const field = FIELD.exec(match[1] ?? '')
    const name = field?.[1] ?? ''
    const known =
      name === 'Data'
        ? field?.[2] !== undefined
        : SCALAR_NAMES.has(name) && field?.[2] === undefined
    if (!known) {
      throw new Error(
        `${where}: "${match[0]}" is not supported by the local stack; use {{ .SiteURL }}, {{ .ConfirmationURL }}, ` +
          '{{ .Token }}, {{ .TokenHash }}, {{ .RedirectTo }}, {{ .Email }}, {{ .NewEmail }} or {{ .Data.<key> }}',
      )
    }
  }
  return (values) =>
    source.replace(ACTION, (_all, action: string) => {
      const [, name = '', key] = FIELD.exec(action) ?? []
      return escapeHtml(fieldValue(values, name, key))
    })
}

/** Reads and compiles every template the project configures (missing ones use the defaults). */
export function loadEmailTemplates(
  projectDir: string,
  settings: Partial<Record<TemplateName, TemplateSetting>>,
): Record<TemplateName, EmailTemplate> {
  const entries = TEMPLATE_NAMES.map((name) => {
    const setting = settings[name] ?? {}
    let source = DEFAULT_BODIES[name]
    let where = `default ${name} template`
    if (setting.contentPath) {
      const file = path.resolve(projectDir, setting.contentPath)
      where = file
      try {
        source = readFileSync(file, 'utf8')
      } catch (error) {
        throw new Error(
          `supabase/config.toml: auth.email.template.${name}.content_path: cannot read ${file} (${(error as Error).message})`,
        )
      }
    }
    const template: EmailTemplate = {
      subject: setting.subject ?? DEFAULT_SUBJECTS[name],
      render: compileTemplate(source, where),
    }
    return [name, template] as const
  })
  return Object.fromEntries(entries) as Record<TemplateName, EmailTemplate>
}

const HREF = /\bhref\s*=\s*"([^"]*)"/gi

const unescapeHtml = (value: string) =>
  value.replace(/&#(\d+);|&amp;|&lt;|&gt;|&quot;/g, (entity, code?: string) =>
    code
      ? String.fromCharCode(Number(code))
      : (({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' } as Record<string, string>)[
          entity
        ] ?? entity),
  )

/** The links a reader of the mail can follow, in order. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(HREF)].map((m) => unescapeHtml(m[1] ?? ''))
}
