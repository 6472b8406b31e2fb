export * from './fiscal-calendar.js';
export * from './iso-date.js';
