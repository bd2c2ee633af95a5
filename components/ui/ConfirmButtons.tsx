import { buttonClass, dangerButtonClass, secondaryButtonClass } from "./styles";

/**
 * The two buttons that end a confirmation step: the submit that does it (solid red when it cannot be undone)
 * and "Cancel".
 */
export function ConfirmButtons({ label, onCancel, disabled, danger = true, autoFocus }: { label: string; onCancel: () => void; disabled?: boolean; danger?: boolean; autoFocus?: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" autoFocus={autoFocus} disabled={disabled} className={danger ? dangerButtonClass : buttonClass}>
        {label}
      </button>
      <button type="button" className={secondaryButtonClass} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
