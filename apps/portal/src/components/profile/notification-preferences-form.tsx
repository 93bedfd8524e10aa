'use client'

import {
  type NotificationKind,
  type NotificationPreferences,
  notificationKindLabel as labels,
  notificationKinds,
} from '@repo/domain/notifications'
import { Card, CardHeader } from '@repo/ui/card'
import { Checkbox } from '@repo/ui/checkbox'
import { Label } from '@repo/ui/label'
import { useAction } from '@repo/actions/form'
import { useOptimistic, useState } from 'react'
import { updatePreferencesAction } from '@/actions/profile/update-preferences-action'

/** Which live changes pop up a notification; each switch saves at once and reverts if saving fails. */
export function NotificationPreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const [saved, setSaved] = useState(initial)
  const [shown, setShown] = useOptimistic(saved)
  // Each switch saves at once; a failure rolls the switch back with a toast.
  const { run } = useAction(updatePreferencesAction, { onSuccess: setSaved })

  const toggle = (kind: NotificationKind, on: boolean) => {
    const next = { ...shown, [kind]: on }
    run(next, () => setShown(next))
  }

  return (
    <Card aria-labelledby="prefs-heading">
      <CardHeader id="prefs-heading" title="Notifications" />
      <fieldset className="space-y-3">
        <legend className="text-sm text-slate-700">Show a pop-up notification when something changes:</legend>
        {notificationKinds.map((kind) => (
          <div key={kind} className="flex items-start gap-3">
            <Checkbox
              id={`pref-${kind}`}
              className="mt-0.5"
              checked={shown[kind]}
              onCheckedChange={(checked) => toggle(kind, checked === true)}
              aria-describedby={`pref-${kind}-help`}
            />
            <Label htmlFor={`pref-${kind}`} className="font-normal">
              <span className="block font-medium">{labels[kind].title}</span>
              <span id={`pref-${kind}-help`} className="block text-slate-700">
                {labels[kind].help}
              </span>
            </Label>
          </div>
        ))}
      </fieldset>
    </Card>
  )
}
