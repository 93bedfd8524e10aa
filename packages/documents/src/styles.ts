import { StyleSheet } from '@react-pdf/renderer'

// US Letter (612 × 792 pt), what the US businesses' customers print on. Helvetica is one of the
// PDF standard fonts: built into every viewer, nothing embedded and nothing fetched.
export const PAGE_SIZE = 'LETTER'

export const colors = {
  text: '#0f172a', // slate-900
  muted: '#475569', // slate-600
  faint: '#64748b', // slate-500
  rule: '#cbd5e1', // slate-300
  hairline: '#e2e8f0', // slate-200
  band: '#f1f5f9', // slate-100
  accent: '#0369a1', // sky-700, the apps' primary
}

const marginX = 54

// Every text style sets its own fontSize and lineHeight, and nothing sets lineHeight on a page or
// a view: react-pdf turns a unitless lineHeight into points with the font size of the element
// that declares it (so an inherited one is wrong for every other size), and a lineHeight on any
// ancestor of a `render` Text makes that text vanish (react-pdf issues #3083, #3402): the page
// number in the footer is one.
const text = (fontSize: number, lineHeight = 1.35) => ({ fontSize, lineHeight })

export const styles = StyleSheet.create({
  page: {
    fontFamily: 'Helvetica',
    fontSize: 10,
    color: colors.text,
    paddingTop: 48,
    paddingBottom: 78,
    paddingHorizontal: marginX,
  },
  text: text(10),
  muted: { ...text(10), color: colors.muted },
  small: { ...text(8.5), color: colors.faint, marginTop: 1 },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 28 },
  headerBusiness: { width: '52%', paddingRight: 16 },
  headerTitle: { width: '48%', alignItems: 'flex-end' },
  businessName: { ...text(14, 1.2), fontFamily: 'Helvetica-Bold', marginBottom: 4 },
  title: {
    ...text(18, 1.2),
    fontFamily: 'Helvetica-Bold',
    color: colors.accent,
    textAlign: 'right',
  },
  status: {
    ...text(9, 1.2),
    marginTop: 6,
    paddingTop: 3,
    paddingBottom: 2,
    paddingHorizontal: 8,
    borderWidth: 1,
    borderColor: colors.rule,
    borderRadius: 9,
    fontFamily: 'Helvetica-Bold',
    color: colors.muted,
  },
  label: {
    ...text(8, 1.2),
    fontFamily: 'Helvetica-Bold',
    color: colors.faint,
    textTransform: 'uppercase',
    letterSpacing: 0.6,
    marginBottom: 4,
  },
  parties: { flexDirection: 'row', marginBottom: 24 },
  billTo: { width: '50%', paddingRight: 16 },
  facts: { width: '50%' },
  fact: { flexDirection: 'row', marginBottom: 2 },
  factLabel: { ...text(10), width: '40%', paddingRight: 8, color: colors.muted },
  factValue: { ...text(10), width: '60%' },
  partyName: { ...text(10), fontFamily: 'Helvetica-Bold' },
  // Tables: the header row is `fixed` so it repeats on every page the table runs onto.
  table: { marginBottom: 12 },
  headRow: {
    flexDirection: 'row',
    backgroundColor: colors.band,
    borderBottomWidth: 1,
    borderBottomColor: colors.rule,
    paddingVertical: 5,
  },
  headCell: {
    ...text(8, 1.2),
    fontFamily: 'Helvetica-Bold',
    color: colors.muted,
    textTransform: 'uppercase',
  },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 0.75,
    borderBottomColor: colors.hairline,
    paddingVertical: 6,
  },
  cellDescription: { flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingHorizontal: 6 },
  cellQuantity: { width: 52, paddingHorizontal: 6, textAlign: 'right' },
  cellMoney: { width: 88, paddingHorizontal: 6, textAlign: 'right' },
  cellDate: { width: 96, paddingHorizontal: 6 },
  totals: { alignSelf: 'flex-end', width: 260, marginTop: 4, marginBottom: 20 },
  totalRow: { flexDirection: 'row', paddingVertical: 3, paddingHorizontal: 6 },
  totalRowEmphasis: { borderTopWidth: 1, borderTopColor: colors.rule, paddingTop: 5 },
  totalLabel: { ...text(10), flexGrow: 1, flexShrink: 1, flexBasis: 0, paddingRight: 8 },
  totalAmount: { ...text(10), width: 110, textAlign: 'right' },
  emphasis: { ...text(11), fontFamily: 'Helvetica-Bold' },
  section: { marginBottom: 18 },
  sectionTitle: { ...text(11, 1.2), fontFamily: 'Helvetica-Bold', marginBottom: 6 },
  body: text(9.5, 1.45),
  signature: { marginBottom: 18 },
  signatureImage: { width: 200, height: 64, objectFit: 'contain', objectPosition: 'left' },
  signatureRule: {
    width: 240,
    borderBottomWidth: 1,
    borderBottomColor: colors.rule,
    marginBottom: 4,
  },
  footer: {
    position: 'absolute',
    bottom: 28,
    left: marginX,
    right: marginX,
    flexDirection: 'row',
    borderTopWidth: 0.5,
    borderTopColor: colors.rule,
    paddingTop: 6,
    fontSize: 8,
    color: colors.faint,
  },
  // No lineHeight here (see above); at most three lines, so the footer stays inside the margin.
  footerText: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 0,
    paddingRight: 12,
    maxLines: 3,
    textOverflow: 'ellipsis',
  },
  footerPage: { width: 200, textAlign: 'right' },
})
