/** The shop's callback URL with `authority` and `status=OK|NOK` added, keeping the shop's own query parameters. */
export function callbackRedirectUrl(callbackUrl: string, authority: string, ok: boolean): string {
  const url = new URL(callbackUrl);
  url.searchParams.set('authority', authority);
  url.searchParams.set('status', ok ? 'OK' : 'NOK');
  return url.toString();
}

/**
 * Whether a callback URL may send buyers back to this shop: on the shop's website host or one of its subdomains when
 * the shop has a website (as Zarinpal checks the domain), so a leaked key cannot send buyers to a look-alike site;
 * any http(s) URL when it has none. "www." on the website counts as the bare domain.
 */
export function callbackUrlFitsWebsite(callbackUrl: string, website: string | null): boolean {
  if (!website) return true;
  const site = new URL(website).hostname.replace(/^www\./, '');
  const host = new URL(callbackUrl).hostname;
  return host === site || host.endsWith(`.${site}`);
}
