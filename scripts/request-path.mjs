/**
 * What scripts/server.mjs does to each request's address before Next.js sees it. Next.js answers a
 * malformed percent escape in a dynamic route's parameter (`/threads/%zz`, or bytes that are not UTF-8)
 * with a bare 500, before any page or route of the portal runs. A path that does not decode is given its
 * `%` signs literally (`%25`), so the parameter reaches the page as the text it is, the data layer finds
 * nothing by it, and the visitor gets the portal's 404 page. Query strings are left alone (pages read
 * them leniently).
 */

/** The request target (`/path?query`) with a path that decodes; the same string when it already does. */
export function decodablePath(target) {
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  try {
    decodeURIComponent(path);
    return target;
  } catch {
    return path.replaceAll('%', '%25') + (q === -1 ? '' : target.slice(q));
  }
}
