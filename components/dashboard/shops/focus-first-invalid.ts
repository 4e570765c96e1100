/**
 * After a refused submit, puts the caret in the first field the server named (in the form's order), so keyboard and
 * screen-reader users land on the error instead of hunting for it. `fieldIds` maps the server's field keys to input ids.
 */
export function focusFirstInvalid(fieldIds: Record<string, string>, fields: Record<string, string> | undefined): void {
  if (!fields) return;
  const first = Object.keys(fieldIds).find((key) => fields[key] !== undefined || Object.keys(fields).some((name) => name.startsWith(`${key}.`)));
  if (first) document.getElementById(fieldIds[first]!)?.focus();
}
