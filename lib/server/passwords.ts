import "server-only";
import bcrypt from "bcryptjs";

const COST = 12;

/** `cost` below 12 only for throwaway data (tests, the demo seed's option): it makes hashes cheap to guess. */
export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash to compare against when the account does not exist, so timing does not reveal it.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO7F1cZ8q9mRr2Zb8n7dB9lYwZ9xk0S2a";
export async function burnPasswordCheck(password: string): Promise<void> {
  await bcrypt.compare(password, DUMMY_HASH).catch(() => false);
}
