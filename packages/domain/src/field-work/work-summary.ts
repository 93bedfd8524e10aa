/**
 * What the customer signs at the end of a visit: the work and which checklist steps were done.
 * Stored with the signature (the database hashes it), so `version` says how to read it later.
 */
export interface WorkSummary {
  [key: string]: string | number | null | Array<{ item: string; done: boolean }>
  version: 1
  title: string
  service: string | null
  checklist: Array<{ item: string; done: boolean }>
}

export function workSummary(
  job: { title: string; service: { name: string; checklist: string[] } | null },
  doneItems: readonly string[],
): WorkSummary {
  const done = new Set(doneItems)
  return {
    version: 1,
    title: job.title,
    service: job.service?.name ?? null,
    checklist: (job.service?.checklist ?? []).map((item) => ({ item, done: done.has(item) })),
  }
}
