/** `aria-describedby` / `aria-invalid` for a control rendered inside a `Field`. */
export function fieldAria(id: string, errors: readonly string[] = [], hint = false) {
  const ids = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null].filter(Boolean);
  return {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
  };
}
