"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The "Do this…" → "Are you sure?" step: focus moves into the confirmation when it opens, and back to the opener
 * when it is cancelled (the opener is unmounted meanwhile, so focus would otherwise fall to the page).
 */
export function useConfirmation<P extends HTMLElement = HTMLElement, O extends HTMLElement = HTMLButtonElement>() {
  const [confirming, setConfirming] = useState(false);
  const panelRef = useRef<P>(null);
  const openerRef = useRef<O>(null);
  useEffect(() => {
    if (confirming) panelRef.current?.focus();
  }, [confirming]);
  return {
    confirming,
    panelRef,
    openerRef,
    open: () => setConfirming(true),
    /** Closes without returning focus (the form was submitted). */
    close: () => setConfirming(false),
    cancel: () => {
      setConfirming(false);
      setTimeout(() => openerRef.current?.focus(), 0);
    },
  };
}
