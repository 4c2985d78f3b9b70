import type { Delivery } from '../../../shared/delivery.js';

/**
 * ASSUMED shapes of the endless-aisle fields (reference, "Customers and delivery": names seen in
 * a public client, semantics partly guessed). Each shape lives in one function here and in the
 * sandbox's schema beside it, so a real account that differs is one edit.
 */

export interface StoklyPersonName {
  forename: string;
  surname: string;
}

export interface StoklyAddress {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postcode: string;
  country: string;
}

export interface CustomerBody {
  name: StoklyPersonName;
  fullName: string;
  type: 1;
  barcode: string;
  address: StoklyAddress;
  shippingAddresses: StoklyAddress[];
}

export interface ShippingBody {
  name: StoklyPersonName;
  address: StoklyAddress;
  option: string;
  cost: number;
  tax: number;
}

/** "Anne Marie Buyer" → forename "Anne Marie", surname "Buyer"; a single word is a surname. */
export function personName(full: string): StoklyPersonName {
  const words = full.trim().split(/\s+/);
  const surname = words.pop() ?? '';
  return { forename: words.join(' '), surname };
}

export function addressOf(d: Delivery): StoklyAddress {
  return {
    line1: d.line1,
    ...(d.line2 ? { line2: d.line2 } : {}),
    city: d.city,
    ...(d.region ? { region: d.region } : {}),
    postcode: d.postcode,
    country: d.country,
  };
}

/** ASSUMED `POST /v0/customers` body: `type` 1 taken as a private person; found again by `barcode`. */
export function customerToStokly(d: Delivery, barcode: string): CustomerBody {
  const address = addressOf(d);
  return { name: personName(d.name), fullName: d.name.trim(), type: 1, barcode, address, shippingAddresses: [address] };
}

/** ASSUMED `shipping` of a delivery sale order: no charge for delivery at the kiosk (cost and tax 0). */
export function shippingOfOrder(d: Delivery, option: string): ShippingBody {
  return { name: personName(d.name), address: addressOf(d), option, cost: 0, tax: 0 };
}
