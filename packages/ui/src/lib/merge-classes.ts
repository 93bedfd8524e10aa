// tailwind-merge with only the class groups this product overrides, instead of its default config
// of every Tailwind utility: `cn` costs 5.3 kB gzip on every page instead of 8.5 kB. Colours are checked
// against Tailwind's palette, so a class from a group not listed here is never mistaken for a
// colour: it is kept as written (no conflict resolution), which is how `cn` behaved before.
// merge-classes.test.ts checks that this agrees with the full default config on the classes the
// kit and the apps use. Add a group here when an override does not take effect.
import { type Config, createTailwindMerge, validators } from 'tailwind-merge'

/** A class group's definitions: literal values, validators, or `{ prefix: definitions }`. */
type Scale = Config<string, string>['classGroups'][string]

const {
  isArbitraryLength,
  isArbitraryNumber,
  isArbitraryShadow,
  isArbitraryValue,
  isArbitraryVariable,
  isArbitraryVariableLength,
  isFraction,
  isInteger,
  isNumber,
  isTshirtSize,
} = validators

const palette =
  /^(inherit|current|transparent|black|white|(slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-(50|[1-9]00|950))$/
const isColor = (value: string) =>
  palette.test(value) || /^\[(color:|#|rgba?\(|hsla?\(|oklch\()/.test(value)

/** A list written as one string, to keep long lists of class names readable. */
const words = (list: string) => list.split(' ')

const arbitrary = [isArbitraryVariable, isArbitraryValue] as const
const spacing = ['px', isNumber, ...arbitrary] as const
const inset = [isFraction, 'full', 'auto', ...spacing] as const
const sizing = [isFraction, ...words('auto full dvw dvh svh lvh min max fit'), ...spacing] as const
const radius = ['', 'none', 'full', isTshirtSize, ...arbitrary] as const
const borderWidth = ['', isNumber, isArbitraryVariableLength, isArbitraryLength] as const
const lineStyle = ['solid', 'dashed', 'dotted', 'double'] as const
const overflow = ['auto', 'hidden', 'clip', 'visible', 'scroll'] as const
const align = ['start', 'end', 'center', 'stretch', 'baseline'] as const
const sides = (prefix: string, scale: Scale) =>
  Object.fromEntries(
    ['', '-x', '-y', '-t', '-r', '-b', '-l'].map((s) => [s, [{ [prefix + s]: scale }]]),
  )

const group = (name: string, scale: Scale) => [{ [name]: scale }]
const each = (names: string[], scale: Scale) =>
  Object.fromEntries(names.map((name) => [name, group(name, scale)]))

const padding = each(['p', 'px', 'py', 'ps', 'pe', 'pt', 'pr', 'pb', 'pl'], spacing)
const margin = each(['m', 'mx', 'my', 'ms', 'me', 'mt', 'mr', 'mb', 'ml'], ['auto', ...spacing])
const rounded = Object.fromEntries(
  ['', '-t', '-r', '-b', '-l', '-tl', '-tr', '-br', '-bl'].map((s) => [
    `rounded${s}`,
    group(`rounded${s}`, radius),
  ]),
)
const borderW = Object.fromEntries(
  Object.entries(sides('border', borderWidth)).map(([s, g]) => [`border-w${s}`, g]),
)
const borderColor = Object.fromEntries(
  Object.entries(sides('border', [isColor])).map(([s, g]) => [`border-color${s}`, g]),
)

/** Like tailwind-merge's `twMerge`, for the groups below. */
export const mergeClasses = createTailwindMerge(() => ({
  cacheSize: 500,
  theme: {},
  // Order matters where prefixes overlap: the first group whose scale accepts a value wins.
  classGroups: {
    display: words(
      'block inline-block inline flex inline-flex table inline-table table-caption table-cell table-column table-column-group table-footer-group table-header-group table-row-group table-row flow-root grid inline-grid contents list-item hidden',
    ),
    sr: ['sr-only', 'not-sr-only'],
    ...each(['overflow', 'overflow-x', 'overflow-y'], overflow),
    position: ['static', 'fixed', 'absolute', 'relative', 'sticky'],
    appearance: ['appearance-none', 'appearance-auto'],
    'object-fit': group('object', words('contain cover fill none scale-down')),
    ...each(['inset', 'inset-x', 'inset-y', 'top', 'right', 'bottom', 'left'], inset),
    visibility: ['visible', 'invisible', 'collapse'],
    z: group('z', [isInteger, 'auto', ...arbitrary]),
    basis: group('basis', [isFraction, 'full', 'auto', ...spacing]),
    'flex-direction': group('flex', ['row', 'row-reverse', 'col', 'col-reverse']),
    'flex-wrap': group('flex', ['nowrap', 'wrap', 'wrap-reverse']),
    flex: group('flex', [isNumber, isFraction, 'auto', 'initial', 'none', isArbitraryValue]),
    grow: group('grow', ['', isNumber, ...arbitrary]),
    shrink: group('shrink', ['', isNumber, ...arbitrary]),
    'grid-cols': group('grid-cols', [isInteger, 'none', 'subgrid', ...arbitrary]),
    'col-start-end': group('col', [
      'auto',
      { span: ['full', isInteger, ...arbitrary] },
      isInteger,
      ...arbitrary,
    ]),
    ...each(['gap', 'gap-x', 'gap-y'], spacing),
    'justify-content': group('justify', [...align, 'between', 'around', 'evenly', 'normal']),
    'align-items': group('items', align),
    'align-self': group('self', ['auto', ...align]),
    ...padding,
    ...margin,
    ...each(['space-x', 'space-y'], spacing),
    size: group('size', sizing),
    w: group('w', ['screen', ...sizing]),
    'min-w': group('min-w', ['screen', 'none', ...sizing]),
    'max-w': group('max-w', ['screen', 'none', 'prose', isTshirtSize, ...sizing]),
    h: group('h', ['screen', 'lh', ...sizing]),
    'min-h': group('min-h', ['screen', 'lh', 'none', ...sizing]),
    'max-h': group('max-h', ['screen', 'lh', 'none', ...sizing]),
    'font-size': group('text', [
      'base',
      isTshirtSize,
      isArbitraryVariableLength,
      isArbitraryLength,
    ]),
    'font-weight': group(
      'font',
      words('thin extralight light normal medium semibold bold extrabold black'),
    ),
    tracking: group('tracking', [...words('tighter tight normal wide wider widest'), ...arbitrary]),
    'line-clamp': group('line-clamp', [isNumber, 'none', isArbitraryVariable, isArbitraryNumber]),
    leading: group('leading', ['none', 'tight', 'snug', 'normal', 'relaxed', 'loose', ...spacing]),
    'text-alignment': group('text', ['left', 'center', 'right', 'justify', 'start', 'end']),
    'placeholder-color': group('placeholder', [isColor]),
    'text-color': group('text', [isColor]),
    'text-decoration': ['underline', 'overline', 'line-through', 'no-underline'],
    'text-transform': ['uppercase', 'lowercase', 'capitalize', 'normal-case'],
    'fvn-spacing': ['proportional-nums', 'tabular-nums'],
    'underline-offset': group('underline-offset', [isNumber, 'auto', ...arbitrary]),
    'text-overflow': ['truncate', 'text-ellipsis', 'text-clip'],
    'text-wrap': group('text', ['wrap', 'nowrap', 'balance', 'pretty']),
    'vertical-align': group('align', [
      ...words('baseline top middle bottom text-top text-bottom sub super'),
      ...arbitrary,
    ]),
    whitespace: group('whitespace', words('normal nowrap pre pre-line pre-wrap break-spaces')),
    break: group('break', ['normal', 'words', 'all', 'keep']),
    'caption-side': group('caption', ['top', 'bottom']),
    'bg-color': group('bg', [isColor]),
    ...rounded,
    ...borderW,
    'border-style': group('border', [...lineStyle, 'hidden', 'none']),
    ...borderColor,
    ...each(['divide-x', 'divide-y'], borderWidth),
    'divide-style': group('divide', [...lineStyle, 'hidden', 'none']),
    'divide-color': group('divide', [isColor]),
    'outline-style': group('outline', [...lineStyle, 'none', 'hidden']),
    'outline-offset': group('outline-offset', [isNumber, ...arbitrary]),
    'outline-w': group('outline', ['', isNumber, isArbitraryVariableLength, isArbitraryLength]),
    'outline-color': group('outline', [isColor]),
    shadow: group('shadow', ['', 'inner', 'none', isTshirtSize, isArbitraryShadow]),
    'shadow-color': group('shadow', [isColor]),
    'ring-w': group('ring', borderWidth),
    'ring-color': group('ring', [isColor]),
    opacity: group('opacity', [isNumber, ...arbitrary]),
    transition: group('transition', [
      '',
      ...words('all colors opacity shadow transform none'),
      ...arbitrary,
    ]),
    duration: group('duration', [isNumber, 'initial', ...arbitrary]),
    animate: group('animate', ['none', 'spin', 'ping', 'pulse', 'bounce', ...arbitrary]),
    ...each(['translate-x', 'translate-y'], [isFraction, 'full', ...spacing]),
    accent: group('accent', [isColor]),
    fill: group('fill', ['none', isColor]),
    cursor: group('cursor', [
      ...words('auto default pointer wait text move not-allowed none'),
      ...arbitrary,
    ]),
    'pointer-events': group('pointer-events', ['auto', 'none']),
    select: group('select', ['none', 'text', 'all', 'auto']),
  },
  conflictingClassGroups: {
    overflow: ['overflow-x', 'overflow-y'],
    inset: ['inset-x', 'inset-y', 'top', 'right', 'bottom', 'left'],
    'inset-x': ['right', 'left'],
    'inset-y': ['top', 'bottom'],
    flex: ['basis', 'grow', 'shrink'],
    gap: ['gap-x', 'gap-y'],
    p: ['px', 'py', 'ps', 'pe', 'pt', 'pr', 'pb', 'pl'],
    px: ['ps', 'pe', 'pr', 'pl'],
    py: ['pt', 'pb'],
    m: ['mx', 'my', 'ms', 'me', 'mt', 'mr', 'mb', 'ml'],
    mx: ['ms', 'me', 'mr', 'ml'],
    my: ['mt', 'mb'],
    size: ['w', 'h'],
    'font-size': ['leading'],
    'line-clamp': ['display', 'overflow'],
    rounded: words(
      'rounded-t rounded-r rounded-b rounded-l rounded-tl rounded-tr rounded-br rounded-bl',
    ),
    'rounded-t': ['rounded-tl', 'rounded-tr'],
    'rounded-r': ['rounded-tr', 'rounded-br'],
    'rounded-b': ['rounded-br', 'rounded-bl'],
    'rounded-l': ['rounded-tl', 'rounded-bl'],
    'border-w': words('border-w-x border-w-y border-w-t border-w-r border-w-b border-w-l'),
    'border-w-x': ['border-w-r', 'border-w-l'],
    'border-w-y': ['border-w-t', 'border-w-b'],
    'border-color': words(
      'border-color-x border-color-y border-color-t border-color-r border-color-b border-color-l',
    ),
    'border-color-x': ['border-color-r', 'border-color-l'],
    'border-color-y': ['border-color-t', 'border-color-b'],
  },
  conflictingClassGroupModifiers: { 'font-size': ['leading'] },
  orderSensitiveModifiers: words('* ** after before file marker placeholder selection'),
}))
