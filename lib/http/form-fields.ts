/**
 * A form's text fields as a plain object for zod (files and React's internal $ACTION fields left out).
 * NUL bytes are dropped: no field means one, and PostgreSQL would refuse the text with a fault.
 */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value.replaceAll("\u0000", "");
  }
  return fields;
}

/** An uploaded file, or undefined when the file input was left empty (browsers send an empty part). */
export function formFile(formData: FormData, name: string): Blob | undefined {
  const value = formData.get(name);
  return value instanceof Blob && value.size > 0 ? value : undefined;
}
