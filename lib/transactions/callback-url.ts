/** The shop's callback URL with `authority` and `status=OK|NOK` added, keeping the shop's own query parameters. */
export function callbackRedirectUrl(callbackUrl: string, authority: string, ok: boolean): string {
  const url = new URL(callbackUrl);
  url.searchParams.set('authority', authority);
  url.searchParams.set('status', ok ? 'OK' : 'NOK');
  return url.toString();
}
