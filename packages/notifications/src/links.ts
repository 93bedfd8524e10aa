/** A page of one of the apps at `base` (the portal's or the CRM's URL), or '' when it is not known. */
export function appLink(base: string | undefined, path = ''): string {
  return base ? `${base.replace(/\/+$/, '')}${path}` : ''
}
