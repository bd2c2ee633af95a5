/**
 * The one set of form styles for the reviewer workspace and the admin area (server- and client-safe: strings only).
 * Buttons: primary for the main action, secondary for the rest, danger for the button that confirms something
 * irreversible, quietDanger for a destructive choice that is not the final confirmation (an opener, "Return").
 */
export const inputClass =
  "w-full rounded border border-stone-400 bg-white px-2.5 py-1.5 text-sm text-stone-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50";
export const labelClass = "mb-1 block text-sm font-medium text-stone-800";

const button = "rounded px-3 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-50";
export const buttonClass = `${button} bg-stone-900 font-semibold text-white hover:bg-stone-700`;
export const secondaryButtonClass = `${button} border border-stone-500 bg-white font-medium text-stone-900 hover:bg-stone-100`;
export const dangerButtonClass = `${button} bg-red-800 font-semibold text-white hover:bg-red-700`;
export const quietDangerButtonClass = `${button} border border-red-700 bg-white font-semibold text-red-800 hover:bg-red-50`;
