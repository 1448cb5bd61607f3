/** Posting limits (as in Discourse): between new threads, between posts, and repeated bodies. */
export const POSTING_LIMITS = {
  threadSeconds: 15,
  postSeconds: 5,
  duplicateMinutes: 5,
};
