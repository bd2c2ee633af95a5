"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { mergeSource, unmergeSource } from "@/lib/server/admin/sources";
import { MergeSourceSchema, UnmergeSourceSchema } from "@/lib/contracts/admin";
import { defineAction } from "../kit";

/** Merges, then goes back to the sources list, which names the merge and offers its undo. */
export const mergeSourceAction = defineAction(
  MergeSourceSchema,
  async (input, { actor }) => {
    const merged = await mergeSource(actor, input);
    revalidatePath("/admin/sources");
    redirect(`/admin/sources?merged=${encodeURIComponent(merged.sourceId)}`);
  },
  { actor: "admin" },
);

/** Undoes, then goes back to the list, which names the source given back its own page. */
export const unmergeSourceAction = defineAction(
  UnmergeSourceSchema,
  async (input, { actor }) => {
    const undone = await unmergeSource(actor, input);
    revalidatePath("/admin/sources");
    redirect(`/admin/sources?undone=${encodeURIComponent(undone.sourceId)}`);
  },
  { actor: "admin" },
);
