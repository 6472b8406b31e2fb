import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A value only the browser knows: `server` on the server and while hydrating (so both render the same HTML),
 * then the browser's own.
 */
export const useBrowserValue = <T>(browser: () => T, server: T): T =>
  useSyncExternalStore(subscribe, browser, () => server);

/** False on the server and during hydration, true once the page runs in the browser. */
export const useHydrated = (): boolean => useBrowserValue(() => true, false);
