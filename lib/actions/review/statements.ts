"use server";

import { revalidatePath } from "next/cache";
import { mergeStatements, selectSpan, splitStatement } from "@/lib/server/review/statements";
import { MergeStatementsSchema, SelectSpanSchema, SplitStatementSchema } from "@/lib/contracts/review";
import type { StatementToOpen } from "@/lib/contracts/review-actions";
import { defineAction, formString, type ActionAnswer } from "../kit";

export const splitAction = defineAction(
  SplitStatementSchema,
  async (input, { actor, form }): Promise<ActionAnswer<StatementToOpen>> => {
    const result = await splitStatement(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    return { message: "Statement split.", statementId: input.keep === "second" ? result.secondId : result.firstId };
  },
  {
    actor: "reviewer",
    read: (form) => ({
      statementId: formString(form, "statementId"),
      at: Number(formString(form, "at")),
      keep: formString(form, "keep") === "second" ? "second" : "first",
      confirmed: formString(form, "confirmed") === "yes",
    }),
  },
);

export const mergeAction = defineAction(
  MergeStatementsSchema,
  async (input, { actor, form }): Promise<ActionAnswer<StatementToOpen>> => {
    const result = await mergeStatements(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    return { message: "Statements merged.", statementId: result.id };
  },
  {
    actor: "reviewer",
    read: (form) => ({ firstId: formString(form, "firstId"), secondId: formString(form, "secondId"), confirmed: formString(form, "confirmed") === "yes" }),
  },
);

/** "Make this a statement" from a text selection. */
export const selectSpanAction = defineAction(
  SelectSpanSchema,
  async (input, { actor }): Promise<ActionAnswer<StatementToOpen>> => {
    const result = await selectSpan(actor, input);
    revalidatePath(`/review/articles/${input.articleId}`);
    return { message: "Statement created from your selection.", statementId: result.id };
  },
  {
    actor: "reviewer",
    read: (form) => ({ articleId: formString(form, "articleId"), start: Number(formString(form, "start")), end: Number(formString(form, "end")) }),
  },
);
