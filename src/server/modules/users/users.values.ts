// No imports: the web loads this list too (the status filter); the schemas build their enum from it.

/** The states of a staff account. */
export const userStatuses = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];
