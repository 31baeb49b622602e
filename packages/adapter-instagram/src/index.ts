/**
 * @packageDocumentation
 */
export const PACKAGE_NAME = "@sipansos/adapter-instagram";
