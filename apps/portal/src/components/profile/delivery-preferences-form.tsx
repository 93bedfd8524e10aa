'use client'

import {
  type DeliveryKey,
  type DeliveryPreferences,
  deliveryChannelLabel,
  deliveryChannels,
  deliveryKey,
  notificationGroupLabel,
  notificationGroups,
} from '@repo/domain/notifications'
import { useAction } from '@repo/actions/form'
import { Card, CardHeader } from '@repo/ui/card'
import { Checkbox } from '@repo/ui/checkbox'
import { Label } from '@repo/ui/label'
import { useOptimistic, useState } from 'react'
import { updateDeliveryPreferencesAction } from '@/actions/profile/update-delivery-preferences-action'

/** E-mail and text switches: one per channel, then one per event group and channel. */
export function DeliveryPreferencesForm({
  initial,
  hasPhone,
}: {
  initial: DeliveryPreferences
  hasPhone: boolean
}) {
  const [saved, setSaved] = useState(initial)
  const [shown, setShown] = useOptimistic(saved)
  const { run } = useAction(updateDeliveryPreferencesAction, { onSuccess: setSaved })

  const toggle = (key: DeliveryKey, on: boolean) => {
    const next = { ...shown, [key]: on }
    run(next, () => setShown(next))
  }

  return (
    <Card aria-labelledby="delivery-heading">
      <CardHeader id="delivery-heading" title="E-mail and text messages" />
      <div className="mb-4 flex flex-wrap gap-6">
        {deliveryChannels.map((channel) => (
          <div key={channel} className="flex items-center gap-2">
            <Checkbox
              id={`delivery-${channel}`}
              checked={shown[channel]}
              onCheckedChange={(c) => toggle(channel, c === true)}
            />
            <Label htmlFor={`delivery-${channel}`} className="font-medium">
              {deliveryChannelLabel[channel]}
            </Label>
          </div>
        ))}
      </div>
      {!hasPhone && shown.sms ? (
        <p className="mb-3 text-sm text-slate-700">
          Add a phone number above to receive text messages.
        </p>
      ) : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-700">
            <th className="py-2 font-medium">Send me</th>
            {deliveryChannels.map((channel) => (
              <th key={channel} className="w-28 py-2 text-center font-medium">
                {deliveryChannelLabel[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {notificationGroups.map((group) => (
            <tr key={group} className="border-t border-slate-200">
              <td className="py-2">
                <span className="block font-medium">{notificationGroupLabel[group].title}</span>
                <span className="block text-slate-700">{notificationGroupLabel[group].help}</span>
              </td>
              {deliveryChannels.map((channel) => {
                const key = deliveryKey(group, channel)
                return (
                  <td key={channel} className="py-2 text-center">
                    <Checkbox
                      aria-label={`${notificationGroupLabel[group].title} by ${deliveryChannelLabel[channel].toLowerCase()}`}
                      checked={shown[channel] && shown[key]}
                      disabled={!shown[channel]}
                      onCheckedChange={(c) => toggle(key, c === true)}
                    />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
