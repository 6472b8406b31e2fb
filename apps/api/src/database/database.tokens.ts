/** Injection token: whether the database is an external server or the embedded one. */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
