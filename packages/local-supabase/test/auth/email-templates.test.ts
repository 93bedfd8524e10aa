import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  compileTemplate,
  linksIn,
  loadEmailTemplates,
  TEMPLATE_NAMES,
  type TemplateValues,
} from '../../src/auth/email-templates.ts'
import { resolveConfig } from '../../src/config.ts'
import { readProjectAuthSettings } from '../../src/config-toml.ts'
import { startTestStack, type TestStack } from '../../src/testing/index.ts'
import { uniqueEmail } from '../helpers.ts'

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..')

const values: TemplateValues = {
  SiteURL: 'https://portal.example.com',
  ConfirmationURL: 'https://api.example.com/auth/v1/verify?token=abc&type=invite',
  Token: '123456',
  TokenHash: 'f00d',
  RedirectTo: 'https://portal.example.com/auth/confirm',
  Email: 'dave@example.com',
  NewEmail: 'dave@example.org',
  Data: { name: '<b>Dave</b> & co', visits: 3 },
}

describe('mail templates: the part of Go templates hosted Auth renders', () => {
  it('fills every variable, escapes HTML, and finds the links a reader can click', () => {
    const render = compileTemplate(
      '<p>Hi {{ .Data.name }} ({{.Email}}, {{ .Data.visits }} visits{{ .Data.missing }})</p>' +
        '<a href="{{ .SiteURL }}/auth/confirm?token_hash={{ .TokenHash }}&amp;type=invite">Go</a>' +
        '<a href="{{ .ConfirmationURL }}">Or here</a> code {{ .Token }}',
      'test',
    )
    const html = render(values)
    expect(html).toContain('Hi &#60;b&#62;Dave&#60;/b&#62; &#38; co (dave@example.com, 3 visits)')
    expect(html).toContain('code 123456')
    expect(linksIn(html)).toEqual([
      'https://portal.example.com/auth/confirm?token_hash=f00d&type=invite',
      'https://api.example.com/auth/v1/verify?token=abc&type=invite',
    ])
  })

  it('refuses what it cannot render the way hosted Auth would, naming the file', () => {
    expect(() => compileTemplate('{{ if .Token }}x{{ end }}', 'invite.html')).toThrow(
      /invite\.html: "\{\{ if \.Token \}\}" is not supported/,
    )
    expect(() => compileTemplate('{{ .Tokne }}', 'invite.html')).toThrow(
      /"\{\{ \.Tokne \}\}" is not supported/,
    )
    expect(() => compileTemplate('{{ .Data }}', 'invite.html')).toThrow(/not supported/)
  })

  it("the project's supabase/config.toml configures every template, each linking to the app's /auth/confirm", () => {
    const settings = readProjectAuthSettings(repoRoot).emailTemplates
    expect(Object.keys(settings).sort()).toEqual([...TEMPLATE_NAMES].sort())
    const templates = loadEmailTemplates(repoRoot, settings)
    const verifyType = {
      invite: 'invite',
      magic_link: 'magiclink',
      recovery: 'recovery',
      confirmation: 'email',
      email_change: 'email_change',
    }
    for (const name of TEMPLATE_NAMES) {
      const template = templates[name]
      expect(template.subject, name).not.toBe('')
      expect(linksIn(template.render(values)), name).toEqual([
        `https://portal.example.com/auth/confirm?token_hash=f00d&type=${verifyType[name]}`,
      ])
    }
  })

  describe('a project with a broken mail setting does not start', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'mail-templates-'))
      await mkdir(path.join(dir, 'supabase', 'templates'), { recursive: true })
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it('names an unknown template, a missing file and an unsupported action', async () => {
      const toml = (body: string) => writeFile(path.join(dir, 'supabase', 'config.toml'), body)
      await toml('[auth.email.template.welcome]\nsubject = "Hi"\n')
      expect(() => resolveConfig({ projectDir: dir })).toThrow(
        /auth\.email\.template\.welcome is not a template Auth sends/,
      )

      await toml('[auth.email.template.invite]\ncontent_path = "./supabase/templates/nope.html"\n')
      const settings = resolveConfig({ projectDir: dir }).emailTemplates
      expect(() => loadEmailTemplates(dir, settings)).toThrow(
        /content_path: cannot read .*nope\.html/,
      )

      await writeFile(
        path.join(dir, 'supabase', 'templates', 'nope.html'),
        '{{ range .Data }}{{ end }}',
      )
      expect(() => loadEmailTemplates(dir, settings)).toThrow(
        /nope\.html: "\{\{ range \.Data \}\}" is not supported/,
      )
    })
  })
})

describe("a stack with the project's templates", () => {
  const siteUrl = 'http://127.0.0.1:3999'
  let stack: TestStack
  beforeAll(async () => {
    stack = await startTestStack({
      config: {
        projectDir: repoRoot,
        migrationsDir: path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations'),
        siteUrl,
      },
    })
  })
  afterAll(() => stack?.stop())

  it('mails an invitation whose link carries the token hash, and that hash signs the user in once', async () => {
    const admin = createClient(stack.info.API_URL, stack.info.SERVICE_ROLE_KEY, {
      auth: { persistSession: false },
    })
    const email = uniqueEmail('templated')
    expect(
      (await admin.auth.admin.inviteUserByEmail(email, { redirectTo: `${siteUrl}/auth/confirm` }))
        .error,
    ).toBeNull()

    const response = await fetch(
      `${stack.info.API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`,
    )
    const [mail] = (await response.json()) as {
      subject: string
      html: string
      links: string[]
      token_hash: string
    }[]
    expect(mail?.subject).toBe("You're invited")
    expect(mail?.links).toEqual([
      `${siteUrl}/auth/confirm?token_hash=${mail?.token_hash}&type=invite`,
    ])

    // What the portal's /auth/confirm does with the link's query.
    const query = new URL(mail?.links[0] as string).searchParams
    const visitor = createClient(stack.info.API_URL, stack.info.ANON_KEY, {
      auth: { persistSession: false },
    })
    const verified = await visitor.auth.verifyOtp({
      type: 'invite',
      token_hash: query.get('token_hash') as string,
    })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.email).toBe(email)
    const again = await visitor.auth.verifyOtp({
      type: 'invite',
      token_hash: query.get('token_hash') as string,
    })
    expect(again.error?.code).toBe('otp_expired')
  })
})
