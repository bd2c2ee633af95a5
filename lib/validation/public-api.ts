/** Moved to lib/contracts/public-api.ts; kept so the data layer's imports stay valid until they point there. Import lib/contracts. */
export * from "@/lib/contracts/public-api";
