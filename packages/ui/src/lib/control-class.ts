/**
 * The look shared by every text-like control (input, textarea, select trigger, date-time field),
 * so a form reads as one thing. At least 44 px tall: the minimum comfortable touch target.
 */
export const controlClass =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 ' +
  'placeholder:text-slate-500 focus:border-sky-700 focus:outline-2 focus:outline-sky-700 ' +
  'aria-invalid:border-red-700 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500'

/** Keyboard focus ring for buttons and other non-text controls. */
export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700'
