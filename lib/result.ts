/** The result type lives in lib/model (the browser shares it); the server's code imports it from here. */
export * from './model/result';
