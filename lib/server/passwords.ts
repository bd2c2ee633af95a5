import "server-only";

// The scheme is plain code in lib/security/passwords.ts, so scripts (create-admin, the demo seed) can hash the
// same way without the server-only marker.
export { burnPasswordCheck, hashPassword, needsRehash, verifyPassword, PREHASHED_PREFIX } from "@/lib/security/passwords";
