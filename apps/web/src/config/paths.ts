/** Every address the app links to, in one place, so routes and links cannot drift apart. */
export const paths = {
  home: '/',
  staff: {
    root: '/staff',
  },
  /** Served by the API, not by the router: link with a plain anchor. */
  server: {
    openData: '/data.json',
    apiDocs: '/api/docs',
  },
} as const;
