import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';

export type AppProviderProps = {
  children: ReactNode;
  /** Given by the server render and by hydration (seeded with the page's data); otherwise a new one. */
  queryClient?: QueryClient;
};

export const AppProvider = ({ children, queryClient: given }: AppProviderProps) => {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
};
