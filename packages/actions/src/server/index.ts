export {
  type ActionClientConfig,
  type ActionDefinition,
  type ActionHandler,
  createActionClient,
  Refusal,
  type RevalidateTarget,
  refuse,
  type ServerAction,
} from './create-action-client.ts'
export { formToObject } from './form-input.ts'
export { parseInput } from './parse-input.ts'
export { publicAction } from './public-action.ts'
