import { errorResponses } from '../http/contract.js';

/**
 * Answers every kiosk route may give besides its own: no or a wrong token (401), over the
 * request cap (429), the agent shutting down or unable to store (503), a bug (500).
 */
export const kioskErrors = errorResponses(401, 429, 500, 503);

/** A JSON body that could not be read: malformed or empty (400), too large (413), not JSON (415). */
export const bodyErrors = errorResponses(400, 413, 415);
