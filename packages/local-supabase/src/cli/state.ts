import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { StackConfig } from '../config.ts'
import type { StackInfo } from '../stack.ts'

/** What a running `start` leaves beside its data so `status`, `stop` and `reset` can find it. */
export interface StackState {
  pid: number
  startedAt: string
  info: StackInfo
}

const stateFile = (config: StackConfig) => path.join(config.dataDir, 'stack.json')

export async function writeState(config: StackConfig, state: StackState): Promise<void> {
  await writeFile(stateFile(config), `${JSON.stringify(state, null, 2)}\n`)
}

export async function clearState(config: StackConfig): Promise<void> {
  await rm(stateFile(config), { force: true })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The state of a stack that is still running, or null (a stale file is removed). */
export async function readRunningState(config: StackConfig): Promise<StackState | null> {
  const file = stateFile(config)
  if (!existsSync(file)) return null
  const state = JSON.parse(await readFile(file, 'utf8')) as StackState
  if (alive(state.pid)) return state
  await clearState(config)
  return null
}
