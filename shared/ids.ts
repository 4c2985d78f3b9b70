import { z } from 'zod';

/** Ids from kiosks and configuration: 1–128 characters of A-Z a-z 0-9 . _ : / - (kiosk contract). */
export const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–128 characters of A-Z a-z 0-9 . _ : / -');
