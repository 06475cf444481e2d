/** Under an https APP_URL the session cookie is Secure and named __Secure-…: next-auth and proxy.ts agree on it. */
export function usesSecureCookies(appUrl: string): boolean {
  return appUrl.startsWith("https://");
}
