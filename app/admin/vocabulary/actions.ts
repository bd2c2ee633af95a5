"use server";

import { revalidatePath } from "next/cache";
import {
  createVocabularyEntry,
  deleteVocabularyEntry,
  moveVocabularyEntry,
  setVocabularyRetired,
  updateVocabularyEntry,
} from "@/lib/server/admin/vocabulary";
import { errorState, formValues, type AdminActionState } from "@/lib/server/admin/common";
import { CreateVocabularySchema, fieldErrors, UpdateVocabularySchema } from "@/lib/validation/admin";

// Public endpoints: each validates its input and relies on the data layer's own admin check.

function done(message: string): AdminActionState {
  revalidatePath("/admin/vocabulary");
  return { ok: true, message };
}

export async function createVocabularyAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  const parsed = CreateVocabularySchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values };
  try {
    const entry = await createVocabularyEntry(parsed.data);
    return done(`Added “${entry.label}”.`);
  } catch (error) {
    return errorState(error, values);
  }
}

export async function updateVocabularyAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  const parsed = UpdateVocabularySchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values };
  try {
    const entry = await updateVocabularyEntry(parsed.data);
    return done(`Saved “${entry.label}”.`);
  } catch (error) {
    return errorState(error, values);
  }
}

export async function moveVocabularyAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  try {
    await moveVocabularyEntry(formValues(formData));
    return done("Order saved.");
  } catch (error) {
    return errorState(error);
  }
}

export async function retireVocabularyAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  try {
    const entry = await setVocabularyRetired(formValues(formData));
    return done(entry.retired ? `“${entry.label}” is retired: it stays on existing annotations but cannot be chosen for new ones.` : `“${entry.label}” can be chosen again.`);
  } catch (error) {
    return errorState(error);
  }
}

export async function deleteVocabularyAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  try {
    await deleteVocabularyEntry(values);
    return done(`Deleted “${values.label ?? "the value"}”.`);
  } catch (error) {
    return errorState(error);
  }
}
