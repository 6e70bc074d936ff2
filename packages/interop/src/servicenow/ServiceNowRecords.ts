import { z } from "zod";

/**
 * A ServiceNow reference field as the Table API returns it: `{ link, value }` (the sys_id in `value`),
 * or the bare sys_id with `sysparm_exclude_reference_link=true`.
 *
 * @example
 * const ref: ServiceNowReference = { link: "https://acme.service-now.com/api/now/table/cmn_schedule/08fcd0830a0a0b2600079f56b1adb9ae", value: "08fcd0830a0a0b2600079f56b1adb9ae" };
 */
export type ServiceNowReference = string | { readonly link?: string; readonly value: string };

export const ReferenceSchema = z.union([z.string(), z.object({ link: z.string().optional(), value: z.string() })]);

/** The sys_id of a reference field. */
export function referenceId(ref: string | { readonly value: string } | undefined): string {
  if (ref === undefined) return "";
  return typeof ref === "string" ? ref : ref.value;
}

/** A Table-API string field that may be missing: `""` when absent. */
export const text = z.string().optional().default("");
