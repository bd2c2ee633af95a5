"use server";

import { z } from "zod";
import { endAllSessions } from "@/lib/server/sessions";
import { defineAction } from "../kit";

/** "Sign out everywhere": every session of the signed-in person ends on the server; the browser then signs out. */
export const signOutEverywhereAction = defineAction(
  z.object({}),
  async (_input, { actor }) => {
    const ended = await endAllSessions(actor);
    return { message: `Signed out of ${ended} session${ended === 1 ? "" : "s"}.` };
  },
  { actor: "reviewer" },
);
