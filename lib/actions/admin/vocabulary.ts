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

export const createVocabularyAction = defineAction(CreateVocabularySchema, async (input, { actor }) => done(`Added “${(await createVocabularyEntry(actor, input)).label}”.`), {
  actor: "admin",
  echo: formStrings,
});

export const updateVocabularyAction = defineAction(UpdateVocabularySchema, async (input, { actor }) => done(`Saved “${(await updateVocabularyEntry(actor, input)).label}”.`), {
  actor: "admin",
  echo: formStrings,
});

export const moveVocabularyAction = defineAction(
  MoveVocabularySchema,
  async (input, { actor }) => {
    await moveVocabularyEntry(actor, input);
    return done("Order saved.");
  },
  { actor: "admin" },
);

export const retireVocabularyAction = defineAction(
  RetireVocabularySchema,
  async (input, { actor }) => {
    const entry = await setVocabularyRetired(actor, input);
    return done(entry.retired ? `“${entry.label}” is retired: it stays on existing annotations but cannot be chosen for new ones.` : `“${entry.label}” can be chosen again.`);
  },
  { actor: "admin" },
);

export const deleteVocabularyAction = defineAction(
  DeleteVocabularySchema.extend({ label: z.string().optional() }),
  async ({ label, ...input }, { actor }) => {
    await deleteVocabularyEntry(actor, input);
    return done(`Deleted “${label ?? "the value"}”.`);
  },
  { actor: "admin" },
);
