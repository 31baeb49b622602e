/** The languages of the app: Indonesian first, English by a switch. */
export type UiLanguage = 'id' | 'en';

/** Pick the text for the reader's language. */
export function say(language: UiLanguage, indonesian: string, english: string): string {
  return language === 'en' ? english : indonesian;
}

/** A bilingual label (core's labels have this shape) in the reader's language. */
export function labelIn(language: UiLanguage, label: { id: string; en: string } | undefined, fallback = ''): string {
  if (!label) return fallback;
  return language === 'en' ? label.en : label.id;
}
