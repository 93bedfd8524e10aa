import type { ActionKind } from './types.ts'

const kinds = new Map<string, ActionKind>()

/** Makes a kind of change queueable; registering the same kind again replaces it. */
export function registerActionKind<P>(kind: ActionKind<P>): void {
  kinds.set(kind.kind, kind as ActionKind)
}

export function actionKind(kind: string): ActionKind | undefined {
  return kinds.get(kind)
}
