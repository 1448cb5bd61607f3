export declare const CLIENT_FORWARDING_HEADERS: readonly string[];
export declare function scrubForwarding<H extends Record<string, string | string[] | undefined>>(
  headers: H,
  remoteAddress: string | undefined,
  trustedProxies: number,
): H;
