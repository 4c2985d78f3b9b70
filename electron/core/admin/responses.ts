import { errorResponses } from '../http/contract.js';

/** Answers every admin route may give besides its own: no or a wrong token (401), a bug (500). */
export const adminErrors = errorResponses(401, 500);
