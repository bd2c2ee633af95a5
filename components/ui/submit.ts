import { startTransition, type FormEvent } from "react";

/**
 * onSubmit for a form driven by useActionState whose fields are controlled by React state. With `<form action>`,
 * React resets the form after the action, and a reset puts every controlled <select> back on its first option in
 * the DOM while the state keeps the real value: the form would then show "Choose…" but save something else.
 * Submitting through onSubmit (same FormData, including the clicked button's name/value) leaves the fields alone.
 */
export function submitWithoutReset(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => action(form));
  };
}
