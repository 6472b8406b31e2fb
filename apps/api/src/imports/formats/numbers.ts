// The number rule lives in libs/metrics, shared with the web's forms; imports read it from here.
export { numberToText, readNumber, shiftDecimal, type NumberReading, type NumberSpec } from '@yardstick/metrics';
