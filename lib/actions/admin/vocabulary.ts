"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createVocabularyEntry, deleteVocabularyEntry, moveVocabularyEntry, setVocabularyRetired, updateVocabularyEntry } from "@/lib/server/admin/vocabulary";
import { CreateVocabularySchema, DeleteVocabularySchema, MoveVocabularySchema, RetireVocabularySchema, UpdateVocabularySchema } from "@/lib/contracts/admin";
import { defineAction, formStrings } from "../kit";

function done(message: string) {
  revalidatePath("/admin/vocabulary");
  return { message };
}

export const createVocabularyAction = defineAction(CreateVocabularySchema, async (input) => done(`Added “${(await createVocabularyEntry(input)).label}”.`), {
  actor: "admin",
  echo: formStrings,
});

export const updateVocabularyAction = defineAction(UpdateVocabularySchema, async (input) => done(`Saved “${(await updateVocabularyEntry(input)).label}”.`), {
  actor: "admin",
  echo: formStrings,
});

export const moveVocabularyAction = defineAction(
  MoveVocabularySchema,
  async (input) => {
    await moveVocabularyEntry(input);
    return done("Order saved.");
  },
  { actor: "admin" },
);

export const retireVocabularyAction = defineAction(
  RetireVocabularySchema,
  async (input) => {
    const entry = await setVocabularyRetired(input);
    return done(entry.retired ? `“${entry.label}” is retired: it stays on existing annotations but cannot be chosen for new ones.` : `“${entry.label}” can be chosen again.`);
  },
  { actor: "admin" },
);

export const deleteVocabularyAction = defineAction(
  DeleteVocabularySchema.extend({ label: z.string().optional() }),
  async ({ label, ...input }) => {
    await deleteVocabularyEntry(input);
    return done(`Deleted “${label ?? "the value"}”.`);
  },
  { actor: "admin" },
);
