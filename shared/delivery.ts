import { z } from 'zod';
import { kioskText } from './kiosk-text.js';

/**
 * Kiosk contract 1.1 `delivery`: where the warehouse sends a sale's `ship` lines. Personal data:
 * kept encrypted at rest, only as long as needed, never logged, shown to staff masked.
 */

// Contract 1.1 text rules and bounds (shared/kiosk-text.ts); a required field must not be blank.
const required = (max: number) => kioskText(max, 1).refine((s) => s.trim().length > 0, 'must not be blank');

/** The 249 officially assigned ISO 3166-1 alpha-2 codes (UK, EU and other reserved codes are not). */
const ISO_3166_ALPHA2 = new Set((
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' '));
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as GB')
  .refine((c) => ISO_3166_ALPHA2.has(c), 'is not an ISO 3166-1 alpha-2 country code (the United Kingdom is GB)');

export const deliverySchema = z.strictObject({
  name: required(256),
  line1: required(256),
  line2: kioskText(256).optional(),
  city: required(128),
  region: kioskText(128).optional(),
  postcode: required(32),
  country: countryCodeSchema,
  phone: kioskText(64).optional(),
  email: kioskText(320).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const customerSchema = z.strictObject({
  email: kioskText(320).optional(),
  name: kioskText(256).optional(),
});
export type Customer = z.infer<typeof customerSchema>;

/**
 * What the staff window may know of a sale's customer details: whether they are held (with the
 * delivery masked), erased after their retention, or unreadable (sealed with a key that is gone).
 */
export const customerDataSchema = z.object({
  state: z.enum(['held', 'erased', 'unreadable']),
  /** "A. B••••, LS1 •••" while a delivery address is held; never more. */
  maskedDelivery: z.string().nullable(),
});
export type CustomerDataView = z.infer<typeof customerDataSchema>;

/** A sale's personal data, as sealed at rest and opened only to post its order. */
export interface PersonalData {
  customer?: Customer | undefined;
  delivery?: Delivery | undefined;
}

const DOT = '\u2022';

/** "Alexandra Buyer" → "A. B••••", "Cher" → "C••••": initials only, enough to tell two apart. */
function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return `${Array.from(words[0] ?? '')[0] ?? ''}${DOT.repeat(4)}`;
  return words.map((w, i) => `${Array.from(w)[0] ?? ''}${i === 0 ? '.' : DOT.repeat(4)}`).join(' ');
}

/** "LS1 1AA" → "LS1 •••": the outward part is enough to tell deliveries apart. */
function maskPostcode(postcode: string): string {
  const [outward] = postcode.trim().split(/\s+/);
  return `${(outward ?? '').slice(0, 4)} ${DOT.repeat(3)}`;
}

/** What the staff window may show of a delivery: "A. B••••, LS1 •••". */
export function maskDelivery(d: Pick<Delivery, 'name' | 'postcode'>): string {
  return `${maskName(d.name)}, ${maskPostcode(d.postcode)}`;
}
