import { cn } from './cn.ts'

export interface ProgressProps {
  /** 0 to 100. */
  value: number
  label: string
  className?: string
  tone?: 'default' | 'danger'
}

/** A thin progress bar with its value announced (role="progressbar"). */
export function Progress({ value, label, className, tone = 'default' }: ProgressProps) {
  const percent = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div
      data-slot="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div
        className={cn(
          'h-full rounded-full transition-[width]',
          tone === 'danger' ? 'bg-red-700' : 'bg-sky-700',
        )}
        style={{ width: `${percent}%` }}
      />
    </div>
  )
}
