/** Bounds shared by the search library, the API route and the /search page (kept free of lunr imports). */

/** Longest query we look at; longer input is cut on the page and refused by the API. */
export const MAX_QUERY_LENGTH = 200;
