import { z } from "zod";

/** An ISO 4217 code ("EUR", "USD"): costs in different currencies are never added up. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as "EUR"');

export const DEFAULT_CURRENCY = "EUR";
