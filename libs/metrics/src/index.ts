export * from './aggregation.js';
export * from './due.js';
export * from './fiscal-calendar.js';
export * from './iso-date.js';
export * from './progress.js';
export * from './survey.js';
export * from './target-status.js';
export * from './units.js';
