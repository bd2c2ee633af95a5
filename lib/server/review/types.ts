/** Moved to lib/contracts/workspace.ts (client and server share them); re-exported for the data layer's imports. */
export type * from "@/lib/contracts/workspace";
