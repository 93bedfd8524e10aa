export * from './permissions.ts'
export * from './staff-roles.ts'
export * from './invitations.ts'
