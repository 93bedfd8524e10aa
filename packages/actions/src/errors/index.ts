export {
  classifyError,
  type ErrorKind,
  foreignKeyColumns,
  isNotFound,
  isUnavailable,
  nullIfNotFound,
} from './classify.ts'
export {
  type DescribedError,
  defaultWording,
  describeError,
  type ErrorHints,
  type ErrorWording,
  isExpected,
} from './describe.ts'
