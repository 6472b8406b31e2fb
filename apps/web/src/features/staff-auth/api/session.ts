// The session lives in lib/ because the staff layout (a shared component) needs it too.
export * from '@/lib/session';
