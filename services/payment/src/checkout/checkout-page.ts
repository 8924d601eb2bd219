import type { CheckoutView } from './checkout.service.js';

/**
 * The simulated checkout page: plain HTML, no script and no external asset, one inline style
 * allowed by its nonce. The form posts back to the page's own URL, so it works without a line of
 * JavaScript, from a person's browser and from the web app (which only links to it).
 */

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A policy that allows nothing but this page's own style and a form posted to itself. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .note { color: #5a6275; margin: 0 0 1.5rem; font-size: .95rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .4rem 1rem; margin: 0 0 1.5rem; }
  dt { color: #5a6275; } dd { margin: 0; overflow-wrap: anywhere; }
  .amount { font-size: 1.6rem; font-weight: 600; }
  .status { padding: .75rem 1rem; border-radius: 8px; background: #eef1f6; margin: 0 0 1.5rem; }
  .actions { display: flex; gap: .75rem; }
  button { flex: 1; font: inherit; padding: .75rem 1rem; border-radius: 8px; cursor: pointer;
           border: 2px solid #1d2330; }
  button:focus-visible { outline: 3px solid #2b6cff; outline-offset: 2px; }
  .pay { background: #1d2330; color: #fff; } .decline { background: #fff; color: #1d2330; }
`;

const STATE_TEXT: Record<CheckoutView['state'], string> = {
  open: 'Waiting for payment.',
  paid: 'Paid. Thank you: you may close this page.',
  failed: 'This payment was declined. You may retry it from your booking.',
  expired: 'This checkout has expired: it was not paid in time.',
  cancelled: 'The booking was cancelled: this payment can no longer be made.',
  replaced: 'This checkout was replaced by a newer one: use the link from your booking.',
};

function page(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main aria-labelledby="title">
${body}
</main>
</body>
</html>
`;
}

export function renderCheckoutPage(view: CheckoutView, nonce: string, action: string): string {
  const { payment } = view;
  const amount = `${payment.amount} ${payment.currency}`;
  const business = payment.businessName ?? payment.businessId;
  const form = view.payable
    ? `<form method="post" action="${escapeHtml(action)}" class="actions" aria-label="Pay or decline">
  <button type="submit" name="action" value="pay" class="pay">Pay ${escapeHtml(amount)}</button>
  <button type="submit" name="action" value="decline" class="decline">Decline</button>
</form>`
    : '';
  return page(
    `${view.payable ? 'Pay' : 'Payment'} ${amount} · Simulated checkout`,
    nonce,
    `<h1 id="title">Simulated checkout</h1>
<p class="note">This is the <strong>simulated</strong> payment provider: no money moves.</p>
<dl>
  <dt>Amount</dt><dd class="amount" id="amount">${escapeHtml(amount)}</dd>
  <dt>Business</dt><dd>${escapeHtml(business)}</dd>
  ${payment.description ? `<dt>For</dt><dd>${escapeHtml(payment.description)}</dd>` : ''}
  <dt>Booking</dt><dd><code>${escapeHtml(payment.bookingId)}</code></dd>
</dl>
<p class="status" role="status" id="status" data-state="${view.state}">${STATE_TEXT[view.state]}</p>
${form}`,
  );
}

export function renderMissingPage(nonce: string): string {
  return page(
    'Checkout not found · Simulated checkout',
    nonce,
    `<h1 id="title">Checkout not found</h1>
<p class="status" role="status">There is no checkout at this address. Use the payment link from your booking.</p>`,
  );
}
