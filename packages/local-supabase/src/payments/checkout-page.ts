import { escapeHtml as e, formatAmount, htmlPage } from './html.ts'
import type { CheckoutSession } from './sessions.ts'
import { type CardInput, TEST_CARDS } from './test-cards.ts'

export interface CheckoutFormState {
  /** The page's own absolute URL (`…/payments/v1/checkout/<id>`): the form posts to it + `/pay`. */
  checkoutUrl: string
  /** What the customer typed (the security code is never shown again). */
  values?: Partial<CardInput>
  error?: { field: keyof CardInput | null; message: string }
}

const BADGE = '<span class="badge">Test checkout: no real card is charged</span>'

/** `4242424242424242` as `4242 4242 4242 4242`. */
const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ')

function header(session: CheckoutSession): string {
  return `${BADGE}
<h1>${e(session.description)}</h1>
<p class="amount">${e(formatAmount(session.amountCents, session.currency))}</p>`
}

function field(
  state: CheckoutFormState,
  name: keyof CardInput,
  label: string,
  attributes: string,
): string {
  const value = name === 'cvc' ? '' : (state.values?.[name] ?? '')
  const invalid = state.error?.field === name ? ' aria-invalid="true" aria-describedby="error"' : ''
  const id = `card-${name}`
  return `<div><label for="${id}">${e(label)}</label>
<input id="${id}" name="${name}" value="${e(value)}" required ${attributes}${invalid}></div>`
}

/** The card form of an open session, with the last attempt's error if there was one. */
export function checkoutPage(session: CheckoutSession, state: CheckoutFormState): string {
  const amount = formatAmount(session.amountCents, session.currency)
  const error = state.error
    ? `<p class="error" id="error" role="alert">${e(state.error.message)}</p>`
    : ''
  const cards = TEST_CARDS.map(
    (c) => `<li><code>${e(grouped(c.number))}</code> ${e(c.label)}</li>`,
  ).join('')
  return htmlPage(
    `Pay ${amount}`,
    `<div class="card">
${header(session)}
${error}<form method="post" action="${e(state.checkoutUrl)}/pay" novalidate>
${field(state, 'name', 'Name on card', 'autocomplete="cc-name"')}
${field(state, 'number', 'Card number', 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" maxlength="23"')}
<div class="row">
${field(state, 'expiry', 'Expiry (MM/YY)', 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7"')}
${field(state, 'cvc', 'CVC', 'inputmode="numeric" autocomplete="cc-csc" placeholder="123" maxlength="4"')}
</div>
<button type="submit">Pay ${e(amount)}</button>
</form>
<a class="back" href="${e(session.cancelUrl)}">Cancel and go back</a>
</div>
<div class="hint"><p>Test cards (any future expiry date, any CVC):</p><ul>${cards}</ul></div>`,
  )
}

/** A session already paid: nothing to pay twice; the way back is the success page. */
export function alreadyPaidPage(session: CheckoutSession, successUrl: string): string {
  return htmlPage(
    'Already paid',
    `<div class="card">
${header(session)}
<p class="ok" role="status">This checkout is already paid. Thank you!</p>
<a class="back" href="${e(successUrl)}">Continue</a>
</div>`,
  )
}

/** The card was accepted but the business's site did not take the news: nothing is recorded. */
export function notConfirmedPage(
  session: CheckoutSession,
  checkoutUrl: string,
  detail: string,
): string {
  return htmlPage(
    'Payment not confirmed',
    `<div class="card">
${header(session)}
<p class="error" role="alert">We could not confirm this payment with the business: its payment
notification (webhook) was not accepted. Nothing was charged and the payment is still pending.</p>
<p class="hint">Details for developers: ${e(detail)}.</p>
<a class="back" href="${e(checkoutUrl)}">Try again</a>
<a class="back" href="${e(session.cancelUrl)}">Cancel and go back</a>
</div>`,
  )
}

/** A second submit while the first is still being confirmed. */
export function busyPage(session: CheckoutSession, checkoutUrl: string): string {
  return htmlPage(
    'Payment in progress',
    `<div class="card">
${header(session)}
<p class="ok" role="status">This payment is being processed. Reload this page in a moment.</p>
<a class="back" href="${e(checkoutUrl)}">Reload</a>
</div>`,
  )
}

export function notFoundPage(): string {
  return htmlPage(
    'Checkout not found',
    `<div class="card">
${BADGE}
<h1>This checkout link is not valid</h1>
<p>It may have expired: the local payments service keeps checkouts only while the stack runs.
Start the payment again from the site you came from.</p>
</div>`,
  )
}
