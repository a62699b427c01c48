// @ts-nocheck
declare module 'oidc-provider';
