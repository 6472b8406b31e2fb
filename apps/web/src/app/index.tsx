import type { QueryClient } from '@tanstack/react-query';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export const App = ({ queryClient }: { queryClient?: QueryClient }) => (
  <AppProvider queryClient={queryClient}>
    <AppRouter />
  </AppProvider>
);
