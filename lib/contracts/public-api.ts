import { z } from "zod";

/** A non-negative integer written in decimal digits only ("abc", "1.5", "-1", "1e3" are refused). */
const pageNumber = z
  .string()
  .regex(/^\d{1,6}$/, "must be a whole number, 0 or more")
  .transform(Number);

const pageSizeNumber = z
  .string()
  .regex(/^\d{1,6}$/, "must be a whole number from 1 to 100")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be at least 1").max(100, "must be at most 100"));

/** `?page=&pageSize=` of the public read API. Pages are numbered from 0, as in the annotation collections. */
export const PaginationQuerySchema = z.object({
  page: pageNumber.optional(),
  pageSize: pageSizeNumber.optional(),
});

export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;
