// The form idiom in a real React tree: field errors next to fields, typed values kept after a
// refusal, a busy state while the action runs, and exactly one toast per answer.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type ActionResult, fail, ok } from '../result.ts'
import { useAction } from './use-action.ts'
import { useActionForm } from './use-action-form.ts'

const toast = vi.hoisted(() => ({ success: vi.fn(), error: vi.fn() }))
vi.mock('@repo/ui/toast', () => ({ toast }))

type Answer = (input: { title: string; cents: number }) => ActionResult<{ title: string }>
let answer: Answer
let release: () => void = () => {}
const calls: { title: string; cents: number }[] = []

// Stands in for a Server Action; it answers once the test releases it, so the busy state is visible.
async function saveJob(input: {
  title: string
  cents: number
}): Promise<ActionResult<{ title: string }>> {
  calls.push(input)
  await new Promise<void>((resolve) => {
    release = resolve
  })
  return answer(input)
}

function JobForm({ onSaved }: { onSaved: (title: string) => void }) {
  const { formProps, pending, fieldError } = useActionForm(saveJob, {
    toInput: (form) => ({
      title: String(form.get('title') ?? ''),
      cents: Math.round(Number(form.get('price')) * 100),
    }),
    success: (job) => `Saved ${job.title}`,
    onSuccess: (job) => onSaved(job.title),
  })
  return (
    <form {...formProps} aria-label="Job">
      <input aria-label="Title" name="title" defaultValue="" />
      {fieldError('title') ? <p role="alert">{fieldError('title')}</p> : null}
      <input aria-label="Price" name="price" defaultValue="" />
      <input aria-label="Password" name="password" type="password" defaultValue="" />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
    </form>
  )
}

async function submit() {
  await act(async () => {
    fireEvent.submit(screen.getByRole('form', { name: 'Job' }))
  })
}

async function answerNow() {
  await act(async () => {
    release()
  })
}

beforeEach(() => {
  calls.length = 0
  toast.success.mockClear()
  toast.error.mockClear()
})
afterEach(cleanup)

describe('useActionForm', () => {
  it('sends typed input, is busy until the answer, then reports one success', async () => {
    answer = (input) => ok({ title: input.title })
    const onSaved = vi.fn()
    render(<JobForm onSaved={onSaved} />)
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Stairs' } })
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '149.50' } })
    await submit()
    expect(calls).toEqual([{ title: 'Stairs', cents: 14950 }])
    expect(screen.getByRole('button').textContent).toBe('Saving…')
    await answerNow()
    expect(screen.getByRole('button').textContent).toBe('Save')
    expect(toast.success.mock.calls).toEqual([['Saved Stairs']])
    expect(toast.error).not.toHaveBeenCalled()
    expect(onSaved).toHaveBeenCalledWith('Stairs')
  })

  it('shows field errors next to the field and keeps what was typed (but not the password)', async () => {
    answer = () => fail('Please correct the highlighted fields.', { title: ['Title is too long'] })
    render(<JobForm onSaved={vi.fn()} />)
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'A very long title' } })
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '12' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } })
    await submit()
    await answerNow()
    expect(screen.getByRole('alert').textContent).toBe('Title is too long')
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('A very long title')
    expect((screen.getByLabelText('Price') as HTMLInputElement).value).toBe('12')
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('')
    expect(toast.error.mock.calls).toEqual([['Please correct the highlighted fields.']])
  })
})

describe('useAction', () => {
  function Confirm({ run: onRender }: { run: (run: (id: string) => void) => void }) {
    const confirm = useAction(
      async (id: string) => (id === 'gone' ? fail('That item is no longer available.') : ok(id)),
      {
        failure: (failure) => `Not confirmed: ${failure.error}`,
      },
    )
    onRender((id) => confirm.run(id))
    return <p>{confirm.pending ? 'busy' : 'idle'}</p>
  }

  it('reports a failure from a button once, with the component’s wording', async () => {
    let run: (id: string) => void = () => {}
    render(
      <Confirm
        run={(r) => {
          run = r
        }}
      />,
    )
    await act(async () => {
      run('gone')
    })
    expect(toast.error.mock.calls).toEqual([['Not confirmed: That item is no longer available.']])
    expect(screen.getByText('idle')).toBeTruthy()
  })
})
