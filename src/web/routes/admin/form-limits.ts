// The request-size limit of the editor's form posts (reports, pages, autosave), one number
// for all. It sits well above the text limit (LIMITS.bodyChars, 200,000 characters) so that
// an over-long body is read and refused by the save's own rule, beside the field with every
// other field kept, rather than cut off as a bare 413: a 3 MB paste of Japanese text is 9 MB
// once URL-encoded (%E3%81%82 per character). Only posts past this still get a 413.
export const FORM_BODY_LIMIT = 12 * 1024 * 1024;
