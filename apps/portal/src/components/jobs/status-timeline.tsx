import { cn } from '@repo/ui/cn'
import { type JobStatus, statusTimeline } from '@repo/domain/jobs'

export function StatusTimeline({ status, reached }: { status: JobStatus; reached?: JobStatus }) {
  const steps = statusTimeline(status, reached)
  return (
    <ol className="space-y-3" aria-label="Appointment progress">
      {steps.map((step) => (
        <li key={step.status} className="flex items-center gap-3" aria-current={step.state === 'current' ? 'step' : undefined}>
          <span
            aria-hidden="true"
            className={cn(
              'size-3 shrink-0 rounded-full border-2',
              step.state === 'done' && 'border-emerald-700 bg-emerald-700',
              step.state === 'current' && (step.status === 'cancelled' ? 'border-red-700 bg-red-700' : 'border-sky-700 bg-white'),
              step.state === 'upcoming' && 'border-slate-400 bg-white',
            )}
          />
          <span className={cn('text-sm', step.state === 'upcoming' ? 'text-slate-600' : 'font-medium text-slate-900')}>
            {step.label}
            <span className="sr-only">
              {step.state === 'done' ? ' (done)' : step.state === 'current' ? ' (current)' : ' (not yet)'}
            </span>
          </span>
        </li>
      ))}
    </ol>
  )
}
