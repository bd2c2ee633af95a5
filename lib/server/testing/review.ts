/** Test helpers for the reviewer workspace's data-layer tests (actors come from ./actors; everything else is real). */
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";

export async function createReviewUsers(db: PrismaClient) {
  const hash = await bcrypt.hash("irrelevant-password", 4);
  const make = (email: string, name: string, role = "reviewer") => db.user.create({ data: { email, name, role, passwordHash: hash } });
  return {
    rita: await make("rita@example.com", "Rita"),
    sam: await make("sam@example.com", "Sam"),
    tom: await make("tom@example.com", "Tom"),
    ada: await make("ada@example.com", "Ada", "admin"),
  };
}
