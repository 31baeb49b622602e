/**
 * @packageDocumentation
 */
export const PACKAGE_NAME = "@sipansos/testkit";
