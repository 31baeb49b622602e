/**
 * @sipansos/web — the office web app (`sipansos serve`): findings queue, cases, letters, roles.
 *
 * @packageDocumentation
 */
export { createWebApp, CONTENT_SECURITY_POLICY, type WebAppSettings } from './web-app.js';
export { startWebServer, isLoopbackHost, type WebServer, type WebServerSettings, type WebServerError } from './web-server.js';
export type { SubjectImporter, SubjectImportIssue, SubjectImportPreview, WebOffice } from './web-office.js';
export { ROLES, ROLE_LABELS, can, type Permission, type Role } from './roles.js';
export { USERS_FILE_NAME, MIN_PASSWORD_LENGTH, addUser, updateUser, readUsersFile, createUserDirectory, type UserDirectory, type WebUser, type UsersFileError } from './users-file.js';
export { createSessionStore, type SessionStore, type SessionStoreSettings } from './session-store.js';
export { createLoginThrottle, type LoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
