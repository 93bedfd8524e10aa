export {
  type ActionFeedback,
  type ActionState,
  type ResultAction,
  useAction,
} from './use-action.ts'
export {
  type ActionForm,
  type ActionFormOptions,
  type FormAction,
  useActionForm,
} from './use-action-form.ts'
export { FormMessage } from './form-message.tsx'
