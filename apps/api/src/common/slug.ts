/** Lower-case words joined by hyphens: the form of every slug in an address. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be lower-case letters and digits joined by single hyphens, e.g. passport-renewal';
