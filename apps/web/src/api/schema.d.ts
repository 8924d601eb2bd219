/**
 * Generated from the gateway's merged OpenAPI document (GET /api/docs/openapi.json) by
 * `npm run check:api -- --write`; do not edit. `npm run check:api` fails when it drifts.
 */

export interface paths {
    "/api/auth/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (RFC 7517) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn off sign-in codes by email */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/2fa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn on sign-in codes by email */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; other sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                message: string;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password-reset code (202 whether or not the email exists) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                message: string;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email or username */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identifier: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"] | components["schemas"]["TwoFactorRequired"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a sign-in with the emailed code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
                         */
                        challengeId: string;
                        /** @example 123456 */
                        otp: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token (body or cookie); its access tokens are refused within seconds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the signed-in user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out everywhere */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit the signed-in user’s profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName?: string | null;
                        lastName?: string | null;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token (body or cookie) for a new pair */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    } | null;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account; a verification code is emailed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @example Ada */
                        firstName?: string;
                        /** @example Lovelace */
                        lastName?: string;
                        password: string;
                        /** @example +44 20 7946 0958 */
                        phone?: string;
                        /**
                         * @default CUSTOMER
                         * @enum {string}
                         */
                        role?: "CUSTOMER" | "VENDOR";
                        /** @example ada_lovelace */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification code (202 whether or not the email exists) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                message: string;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed code; ends every session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        newPassword: string;
                        /** @example 123456 */
                        otp: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                message: string;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    page?: number;
                    role?: "CUSTOMER" | "VENDOR" | "ADMIN";
                    search?: string;
                    status?: "ACTIVE" | "SUSPENDED" | "PENDING_VERIFICATION" | "DELETED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user (soft: status DELETED) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/users/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Suspend or reactivate a user; suspension ends their sessions at once */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ACTIVE" | "SUSPENDED";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the email with the code; signs the user in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @example 123456 */
                        otp: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Session"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bookings the caller may see: their own, their business’s, or all (ADMIN) */
        get: {
            parameters: {
                query?: {
                    businessId?: string;
                    /**
                     * @description ISO 8601 with an offset, 1970–9999
                     * @example 2026-06-01T09:00:00.000Z
                     */
                    from?: string;
                    limit?: number;
                    page?: number;
                    resourceId?: string;
                    sort?: "startTime" | "-startTime" | "createdAt" | "-createdAt";
                    status?: "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
                    /**
                     * @description ISO 8601 with an offset, 1970–9999
                     * @example 2026-06-08T09:00:00.000Z
                     */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Book a time range on a resource, or on any free unit of a room type
         * @description Half-open range [startTime, endTime). With `categoryId` instead of `resourceId`, the platform picks a free ACTIVE resource of that category and says which. The resource’s booking rules and opening hours apply. The same Idempotency-Key with the same body returns the first response again.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @example 7f3c2a10-book-tatami-0601 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "resourceId": "0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b",
                     *       "startTime": "2026-06-01T09:00:00.000Z",
                     *       "endTime": "2026-06-01T10:00:00.000Z",
                     *       "notes": "Arriving by train around 09:00"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
                         */
                        categoryId?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with an offset, 1970–9999
                         * @example 2026-06-01T10:00:00.000Z
                         */
                        endTime: string;
                        notes?: string;
                        /**
                         * Format: uuid
                         * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
                         */
                        resourceId?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with an offset, 1970–9999
                         * @example 2026-06-01T09:00:00.000Z
                         */
                        startTime: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One booking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: the customer (PENDING or CONFIRMED), the business owner or ADMIN */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CONFIRMED → IN_PROGRESS (business owner, ADMIN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IN_PROGRESS → COMPLETED (business owner, ADMIN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PENDING → CONFIRMED (business owner, ADMIN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every status change of a booking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BookingStatusChange"][];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CONFIRMED → NO_SHOW after the start (business owner, ADMIN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New times for a PENDING or CONFIRMED booking (same id)
         * @description The customer (until 24 hours before the start), the business owner or ADMIN. Every booking rule and the no-overlap guarantee apply; on any refusal the booking is unchanged. A booking made on a room type may move to another unit of it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 with an offset, 1970–9999
                         * @example 2026-06-01T10:00:00.000Z
                         */
                        endTime: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with an offset, 1970–9999
                         * @example 2026-06-01T09:00:00.000Z
                         */
                        startTime: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Booking"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open, busy and free time of a resource or a room type in a window (at most 93 days) */
        get: {
            parameters: {
                query: {
                    categoryId?: string;
                    /**
                     * @description ISO 8601 with an offset, 1970–9999
                     * @example 2026-06-01T09:00:00.000Z
                     */
                    from: string;
                    resourceId?: string;
                    slotMinutes?: number;
                    /**
                     * @description ISO 8601 with an offset, 1970–9999
                     * @example 2026-06-08T09:00:00.000Z
                     */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Availability"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/businesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List businesses (public); everyone but admins sees ACTIVE ones only */
        get: {
            parameters: {
                query?: {
                    /** @description A city: part of the address, any case (`kyoto` finds "1-2-3 Gion, Kyoto") */
                    city?: string;
                    limit?: number;
                    page?: number;
                    /** @description Part of the name, any case */
                    search?: string;
                    sort?: "createdAt" | "-createdAt" | "name" | "-name";
                    /** @description Non-admins may only ask for ACTIVE */
                    status?: "PENDING" | "ACTIVE" | "INACTIVE" | "SUSPENDED" | "DELETED";
                    type?: "HOTEL" | "CLINIC" | "SALON" | "CO_WORKING" | "OTHER";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A token was sent and is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create the vendor’s business (one per vendor); it starts PENDING verification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 1-2-3 Gion, Higashiyama, Kyoto */
                        address?: string;
                        /**
                         * @description A customer who cancels at least freeCancellationHours before the start is refunded in full, later gets lateRefundPercent back; a cancellation by the business, an admin or the platform is refunded in full, a NO_SHOW not at all. Customers may reschedule until freeCancellationHours before the start; after that only the business or an admin can. The object is replaced whole (on PATCH too): a key left out takes its default, so {"lateRefundPercent": 50} means {"freeCancellationHours": 24, "lateRefundPercent": 50} whatever was set before; {} restores the defaults
                         * @default {
                         *       "freeCancellationHours": 24,
                         *       "lateRefundPercent": 0
                         *     }
                         */
                        cancellationPolicy?: {
                            /**
                             * @description Whole hours before the start (0 to 8760, default 24)
                             * @default 24
                             */
                            freeCancellationHours?: number;
                            /**
                             * @description Percent refunded for a later cancellation (0 to 100, default 0)
                             * @default 0
                             */
                            lateRefundPercent?: number;
                        };
                        /**
                         * @description Minutes (5 to 10080, a week) a PENDING booking waits for the business to confirm it before it expires
                         * @default 1440
                         */
                        confirmationWindowMinutes?: number;
                        /** @example A quiet inn by the river, ten minutes from Gion. */
                        description?: string;
                        email?: string;
                        /**
                         * @description What happens to a resource’s future bookings when it is put in MAINTENANCE: CANCEL (they are cancelled and refunded, and the customers told) or KEEP (default; they are kept and the vendor is warned)
                         * @default KEEP
                         * @enum {string}
                         */
                        maintenancePolicy?: "CANCEL" | "KEEP";
                        /** @example Sakura Inn */
                        name: string;
                        /**
                         * @description How customers pay: NONE (default; nothing is paid through the platform), PREPAY (the booking’s total when it is made; an unpaid booking is released when its payment window ends), POSTPAY (the customer is asked to pay once the booking is completed)
                         * @default NONE
                         * @enum {string}
                         */
                        paymentMode?: "NONE" | "PREPAY" | "POSTPAY";
                        /** @example +81 75 123 4567 */
                        phone?: string;
                        timezone?: string;
                        /** @enum {string} */
                        type: "HOTEL" | "CLINIC" | "SALON" | "CO_WORKING" | "OTHER";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description VENDOR_ALREADY_HAS_BUSINESS */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/businesses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One business (public); one that is not ACTIVE is visible to its owner and admins only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A token was sent and is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete the business (soft: status DELETED, final) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit the business’s profile and payment settings (owner or admin)
         * @description Only the fields sent change. `cancellationPolicy` is the exception inside its object: it is replaced whole, a key left out taking its default.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        /** @description A customer who cancels at least freeCancellationHours before the start is refunded in full, later gets lateRefundPercent back; a cancellation by the business, an admin or the platform is refunded in full, a NO_SHOW not at all. Customers may reschedule until freeCancellationHours before the start; after that only the business or an admin can. The object is replaced whole (on PATCH too): a key left out takes its default, so {"lateRefundPercent": 50} means {"freeCancellationHours": 24, "lateRefundPercent": 50} whatever was set before; {} restores the defaults */
                        cancellationPolicy?: {
                            /**
                             * @description Whole hours before the start (0 to 8760, default 24)
                             * @default 24
                             */
                            freeCancellationHours?: number;
                            /**
                             * @description Percent refunded for a later cancellation (0 to 100, default 0)
                             * @default 0
                             */
                            lateRefundPercent?: number;
                        };
                        /** @description Minutes (5 to 10080, a week) a PENDING booking waits for the business to confirm it before it expires */
                        confirmationWindowMinutes?: number;
                        description?: string | null;
                        email?: string | null;
                        /**
                         * @description What happens to a resource’s future bookings when it is put in MAINTENANCE: CANCEL (they are cancelled and refunded, and the customers told) or KEEP (default; they are kept and the vendor is warned)
                         * @enum {string}
                         */
                        maintenancePolicy?: "CANCEL" | "KEEP";
                        /** @example Sakura Inn */
                        name?: string;
                        /**
                         * @description How customers pay: NONE (default; nothing is paid through the platform), PREPAY (the booking’s total when it is made; an unpaid booking is released when its payment window ends), POSTPAY (the customer is asked to pay once the booking is completed)
                         * @enum {string}
                         */
                        paymentMode?: "NONE" | "PREPAY" | "POSTPAY";
                        phone?: string | null;
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/businesses/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The business’s opening hours (public, as the business is); weekly null: always open */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BusinessSchedule"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A token was sent and is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the opening hours (owner or admin); existing bookings are not touched */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        overrides?: {
                            /**
                             * Format: date
                             * @example 2026-06-01
                             */
                            date: string;
                            intervals: [
                                string,
                                string
                            ][];
                        }[];
                        weekly: {
                            FRI?: [
                                string,
                                string
                            ][];
                            MON?: [
                                string,
                                string
                            ][];
                            SAT?: [
                                string,
                                string
                            ][];
                            SUN?: [
                                string,
                                string
                            ][];
                            THU?: [
                                string,
                                string
                            ][];
                            TUE?: [
                                string,
                                string
                            ][];
                            WED?: [
                                string,
                                string
                            ][];
                        } | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BusinessSchedule"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the opening hours: open around the clock again (owner or admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open around the clock */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/businesses/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the status: the owner switches ACTIVE ↔ INACTIVE once verified; admins any */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description DELETED is reached through DELETE /:id only
                         * @enum {string}
                         */
                        status: "PENDING" | "ACTIVE" | "INACTIVE" | "SUSPENDED";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/businesses/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Verify a PENDING business: it becomes ACTIVE (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/businesses/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in vendor’s business, whatever its status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Business"];
                        };
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments the caller may see: their own, their business’s, or all (ADMIN) */
        get: {
            parameters: {
                query?: {
                    bookingId?: string;
                    limit?: number;
                    page?: number;
                    status?: "PENDING" | "SUCCEEDED" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Payment"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment, with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Payment"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such payment, or not one the caller may see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of a paid payment (business owner, ADMIN)
         * @description Never more than is left: the amount paid less what was refunded or is being refunded (422 REFUND_EXCEEDS_PAYMENT). Only a SUCCEEDED or PARTIALLY_REFUNDED payment (409).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description What to give back (a decimal string); all that is left when absent
                         * @example 150.00
                         */
                        amount?: string;
                        /** @example The room was not ready on arrival */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Payment"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such payment, or not one the caller may see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description INVALID_STATUS_TRANSITION */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description REFUND_EXCEEDS_PAYMENT, PROVIDER_REFUSED */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No answer from the provider: the refund is completed later */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A FAILED payment gets a fresh checkoutUrl and is PENDING again (customer, ADMIN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Payment"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such payment, or not one the caller may see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description INVALID_STATUS_TRANSITION: not FAILED, or its booking was cancelled */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The provider cannot be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Simulated provider only: pay or decline as on the checkout page (the customer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description What paying or declining on the page does
                         * @enum {string}
                         */
                        outcome: "succeed" | "decline";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Payment"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such payment, or not one the caller may see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not PENDING, expired, cancelled, or not simulated */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/checkout/{sessionRef}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The simulated provider’s checkout page (HTML): amount, business, Pay and Decline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The checkout session (from `checkoutUrl`) */
                    sessionRef: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The checkout page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such checkout session (an HTML page saying so) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Pay or Decline on the simulated checkout page; 303 back to the page
         * @description The page’s form posts `action=pay` or `action=decline` (form-encoded or JSON). The simulated provider then reports the outcome through the webhook path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The checkout session (from `checkoutUrl`) */
                    sessionRef: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "pay" | "decline";
                    };
                    "application/x-www-form-urlencoded": {
                        /** @enum {string} */
                        action: "pay" | "decline";
                    };
                };
            };
            responses: {
                /** @description Done: back to the page (`Location`), which shows the outcome */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such checkout session (an HTML page saying so) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment provider reports an outcome (signed; applied once, only forwards)
         * @description `stripe`: verified with `Stripe-Signature` and the endpoint’s secret. `simulated`: the simulated provider’s own deliveries (`X-Simulated-Signature`). A bad signature is a 400 and changes nothing; an event received before answers 200 again, `duplicate: true`, and changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example stripe */
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                applied: boolean;
                                duplicate: boolean;
                                /** @enum {boolean} */
                                received: true;
                            };
                        };
                    };
                };
                /** @description INVALID_WEBHOOK_SIGNATURE */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such provider here */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find resources (public)
         * @description Others than the owner and ADMIN (anonymous visitors too) see only ACTIVE resources of ACTIVE, verified businesses. DELETED ones are listed only when `status=DELETED` is asked (owner, ADMIN). `search` matches the name, case-insensitively. Default order: newest first.
         */
        get: {
            parameters: {
                query?: {
                    businessId?: string;
                    categoryId?: string;
                    limit?: number;
                    /** @example 100 */
                    maxPrice?: string;
                    /** @example 100 */
                    minPrice?: string;
                    page?: number;
                    search?: string;
                    sort?: "price" | "-price" | "name" | "-name" | "createdAt" | "-createdAt";
                    status?: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "DELETED";
                    type?: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish a resource in your business (ACTIVE and verified)
         * @description The business is always the caller's own. `categoryId` must be a category of it (else 422 INVALID_CATEGORY).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bookingRules?: {
                            autoConfirm?: boolean;
                            bufferMinutes?: number;
                            maxAdvanceDays?: number;
                            maxDurationMinutes?: number;
                            minDurationMinutes?: number;
                            minNoticeMinutes?: number;
                            slotMinutes?: number | null;
                        };
                        /**
                         * Format: uuid
                         * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
                         */
                        categoryId?: string;
                        /** @example USD */
                        currency: string;
                        description?: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @example Tatami Room */
                        name: string;
                        /** @example 150.00 */
                        price: string;
                        /** @enum {string} */
                        priceUnit?: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
                        /** @enum {string} */
                        type: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resource (public, visible as in the list) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a resource (soft: status DELETED); a DELETED one is 404 to every change */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a resource (owner, ADMIN); metadata is replaced whole, bookingRules are merged */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Merged into the rules it has; a `slotMinutes` of null clears it */
                        bookingRules?: {
                            autoConfirm?: boolean;
                            bufferMinutes?: number;
                            maxAdvanceDays?: number;
                            maxDurationMinutes?: number;
                            minDurationMinutes?: number;
                            minNoticeMinutes?: number;
                            slotMinutes?: number | null;
                        };
                        categoryId?: string | null;
                        /** @example USD */
                        currency?: string;
                        description?: string | null;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @example Tatami Room */
                        name?: string;
                        /** @example 150.00 */
                        price?: string;
                        /** @enum {string} */
                        priceUnit?: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
                        /** @enum {string} */
                        type?: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/resources/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resource's opening hours: its own, else its business's (public, as the resource) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceSchedule"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Give a resource its own opening hours, replacing its business's for it
         * @description `weekly`: MON…SUN, each a sorted list of non-overlapping ["HH:MM","HH:MM"] intervals (an absent day is closed; null: open around the clock). `overrides` replace a date's intervals ([] closes it). Existing bookings are not touched.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        overrides?: {
                            /**
                             * Format: date
                             * @example 2026-06-01
                             */
                            date: string;
                            intervals: [
                                string,
                                string
                            ][];
                        }[];
                        weekly: {
                            FRI?: [
                                string,
                                string
                            ][];
                            MON?: [
                                string,
                                string
                            ][];
                            SAT?: [
                                string,
                                string
                            ][];
                            SUN?: [
                                string,
                                string
                            ][];
                            THU?: [
                                string,
                                string
                            ][];
                            TUE?: [
                                string,
                                string
                            ][];
                            WED?: [
                                string,
                                string
                            ][];
                        } | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceSchedule"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a resource's own opening hours: it follows its business's again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resources/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Take a resource in or out of service (owner, ADMIN) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ACTIVE" | "INACTIVE" | "MAINTENANCE";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/resources/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish up to 100 resources at once, all or nothing
         * @description A refused item is named by its index (`body.resources.<i>...` or `details.index`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        resources: {
                            bookingRules?: {
                                autoConfirm?: boolean;
                                bufferMinutes?: number;
                                maxAdvanceDays?: number;
                                maxDurationMinutes?: number;
                                minDurationMinutes?: number;
                                minNoticeMinutes?: number;
                                slotMinutes?: number | null;
                            };
                            /**
                             * Format: uuid
                             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
                             */
                            categoryId?: string;
                            /** @example USD */
                            currency: string;
                            description?: string;
                            metadata?: {
                                [key: string]: unknown;
                            };
                            /** @example Tatami Room */
                            name: string;
                            /** @example 150.00 */
                            price: string;
                            /** @enum {string} */
                            priceUnit?: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
                            /** @enum {string} */
                            type: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Resource"][];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resources/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A business's categories, by name (public) */
        get: {
            parameters: {
                query?: {
                    /** @description Required, except for a vendor: their own business */
                    businessId?: string;
                    limit?: number;
                    page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceCategory"][];
                            meta: {
                                limit: number;
                                page: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a category to your business (any status but DELETED) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @example Double room */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceCategory"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A business rule refuses it: the code says which */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resources/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceCategory"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a category no resource uses any more (owner, ADMIN) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or describe a category (owner, ADMIN) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @example Double room */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceCategory"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A conflict with the current state: the code says which */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: the body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/resources/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts and prices of a business's resources (DELETED excluded)
         * @description A vendor may leave `businessId` out for their own business; an ADMIN without it gets the whole platform.
         */
        get: {
            parameters: {
                query?: {
                    businessId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ResourceStats"];
                        };
                    };
                };
                /** @description VALIDATION_ERROR (or the code named for this route): `details` names every bad field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHENTICATED: no valid access token (on sign-in routes, the code says what failed) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description FORBIDDEN (or the code named for this route): the caller may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND: no such thing, or one the caller may not see */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description RATE_LIMITED: too many requests; try again after `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description SERVICE_UNAVAILABLE: a dependency is down; try again after `Retry-After` seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "retry-after"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Availability: {
            /** @description time held by bookings, buffers included (for a resource) */
            busy: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /** @description slots a booking could take now; `available`: how many units are free */
            free: {
                available: number;
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /** @description open time in the window (the whole window when always open) */
            open: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /**
             * @description the business’s time zone, in which hours and the grid count
             * @example Asia/Tokyo
             */
            timezone: string;
        };
        AvailabilityInput: {
            /** @description time held by bookings, buffers included (for a resource) */
            busy: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /** @description slots a booking could take now; `available`: how many units are free */
            free: {
                available: number;
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /** @description open time in the window (the whole window when always open) */
            open: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T10:00:00.000Z
                 */
                endTime: string;
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                startTime: string;
            }[];
            /**
             * @description the business’s time zone, in which hours and the grid count
             * @example Asia/Tokyo
             */
            timezone: string;
        };
        Booking: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /** @example Sakura Inn */
            businessName: string;
            /** @description the business’s policy when the booking was made: what a cancellation refunds */
            cancellationPolicy: {
                freeCancellationHours: number;
                lateRefundPercent: number;
            };
            cancelledAt: string | null;
            cancelledBy: string | null;
            cancelReason: string | null;
            categoryId: string | null;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            /**
             * Format: date-time
             * @example 2026-06-01T10:00:00.000Z
             */
            endTime: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            notes: string | null;
            /** @description while a PREPAY booking awaits payment: when it is released unpaid */
            paymentDueAt: string | null;
            /**
             * @description the business’s payment mode when the booking was made
             * @enum {string}
             */
            paymentMode: "NONE" | "PREPAY" | "POSTPAY";
            /** @enum {string} */
            paymentStatus: "NOT_REQUIRED" | "PENDING" | "PAID" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
            /** @example 150.00 */
            priceAtBooking: string;
            /** @enum {string} */
            priceUnit: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            resourceId: string;
            /** @example Tatami Room */
            resourceName: string;
            /** @example HOTEL_ROOM */
            resourceType: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            startTime: string;
            /** @enum {string} */
            status: "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
            /** @example Asia/Tokyo */
            timezone: string;
            /** @example 150.00 */
            totalPrice: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            userId: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            vendorId: string;
        };
        BookingInput: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /** @example Sakura Inn */
            businessName: string;
            /** @description the business’s policy when the booking was made: what a cancellation refunds */
            cancellationPolicy: {
                freeCancellationHours: number;
                lateRefundPercent: number;
            };
            cancelledAt: string | null;
            cancelledBy: string | null;
            cancelReason: string | null;
            categoryId: string | null;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            /**
             * Format: date-time
             * @example 2026-06-01T10:00:00.000Z
             */
            endTime: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            notes: string | null;
            /** @description while a PREPAY booking awaits payment: when it is released unpaid */
            paymentDueAt: string | null;
            /**
             * @description the business’s payment mode when the booking was made
             * @enum {string}
             */
            paymentMode: "NONE" | "PREPAY" | "POSTPAY";
            /** @enum {string} */
            paymentStatus: "NOT_REQUIRED" | "PENDING" | "PAID" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
            /** @example 150.00 */
            priceAtBooking: string;
            /** @enum {string} */
            priceUnit: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            resourceId: string;
            /** @example Tatami Room */
            resourceName: string;
            /** @example HOTEL_ROOM */
            resourceType: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            startTime: string;
            /** @enum {string} */
            status: "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
            /** @example Asia/Tokyo */
            timezone: string;
            /** @example 150.00 */
            totalPrice: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            userId: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            vendorId: string;
        };
        BookingStatusChange: {
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            at: string;
            /** @description null when the platform made the change (an expiry) */
            changedBy: string | null;
            fromStatus: ("PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW") | null;
            reason: string | null;
            /** @enum {string} */
            toStatus: "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
        };
        BookingStatusChangeInput: {
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            at: string;
            /** @description null when the platform made the change (an expiry) */
            changedBy: string | null;
            fromStatus: ("PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW") | null;
            reason: string | null;
            /** @enum {string} */
            toStatus: "PENDING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
        };
        Business: {
            address: string | null;
            /** @description A customer who cancels at least freeCancellationHours before the start is refunded in full, later gets lateRefundPercent back; a cancellation by the business, an admin or the platform is refunded in full, a NO_SHOW not at all. Customers may reschedule until freeCancellationHours before the start; after that only the business or an admin can */
            cancellationPolicy: {
                freeCancellationHours: number;
                lateRefundPercent: number;
            };
            /** @description Minutes a PENDING booking waits for the business to confirm it */
            confirmationWindowMinutes: number;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            description: string | null;
            email: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            isVerified: boolean;
            /**
             * @description What happens to a resource’s future bookings when it is put in MAINTENANCE: CANCEL (they are cancelled and refunded, and the customers told) or KEEP (default; they are kept and the vendor is warned)
             * @enum {string}
             */
            maintenancePolicy: "CANCEL" | "KEEP";
            name: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            ownerId: string;
            /**
             * @description How customers pay: NONE (default; nothing is paid through the platform), PREPAY (the booking’s total when it is made; an unpaid booking is released when its payment window ends), POSTPAY (the customer is asked to pay once the booking is completed)
             * @enum {string}
             */
            paymentMode: "NONE" | "PREPAY" | "POSTPAY";
            phone: string | null;
            /** @enum {string} */
            status: "PENDING" | "ACTIVE" | "INACTIVE" | "SUSPENDED" | "DELETED";
            timezone: string;
            /** @enum {string} */
            type: "HOTEL" | "CLINIC" | "SALON" | "CO_WORKING" | "OTHER";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            verifiedAt: string | null;
        };
        BusinessInput: {
            address: string | null;
            /** @description A customer who cancels at least freeCancellationHours before the start is refunded in full, later gets lateRefundPercent back; a cancellation by the business, an admin or the platform is refunded in full, a NO_SHOW not at all. Customers may reschedule until freeCancellationHours before the start; after that only the business or an admin can */
            cancellationPolicy: {
                freeCancellationHours: number;
                lateRefundPercent: number;
            };
            /** @description Minutes a PENDING booking waits for the business to confirm it */
            confirmationWindowMinutes: number;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            description: string | null;
            email: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            isVerified: boolean;
            /**
             * @description What happens to a resource’s future bookings when it is put in MAINTENANCE: CANCEL (they are cancelled and refunded, and the customers told) or KEEP (default; they are kept and the vendor is warned)
             * @enum {string}
             */
            maintenancePolicy: "CANCEL" | "KEEP";
            name: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            ownerId: string;
            /**
             * @description How customers pay: NONE (default; nothing is paid through the platform), PREPAY (the booking’s total when it is made; an unpaid booking is released when its payment window ends), POSTPAY (the customer is asked to pay once the booking is completed)
             * @enum {string}
             */
            paymentMode: "NONE" | "PREPAY" | "POSTPAY";
            phone: string | null;
            /** @enum {string} */
            status: "PENDING" | "ACTIVE" | "INACTIVE" | "SUSPENDED" | "DELETED";
            timezone: string;
            /** @enum {string} */
            type: "HOTEL" | "CLINIC" | "SALON" | "CO_WORKING" | "OTHER";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            verifiedAt: string | null;
        };
        BusinessSchedule: {
            /** @description Dated exceptions, by date; [] when none */
            overrides: {
                /**
                 * Format: date
                 * @example 2026-06-01
                 */
                date: string;
                intervals: [
                    string,
                    string
                ][];
            }[];
            /** @description The IANA zone the wall-clock times are in */
            timezone: string;
            /** @description null: open around the clock (but for the overrides) */
            weekly: {
                FRI?: [
                    string,
                    string
                ][];
                MON?: [
                    string,
                    string
                ][];
                SAT?: [
                    string,
                    string
                ][];
                SUN?: [
                    string,
                    string
                ][];
                THU?: [
                    string,
                    string
                ][];
                TUE?: [
                    string,
                    string
                ][];
                WED?: [
                    string,
                    string
                ][];
            } | null;
        };
        BusinessScheduleInput: {
            /** @description Dated exceptions, by date; [] when none */
            overrides: {
                /**
                 * Format: date
                 * @example 2026-06-01
                 */
                date: string;
                intervals: [
                    string,
                    string
                ][];
            }[];
            /** @description The IANA zone the wall-clock times are in */
            timezone: string;
            /** @description null: open around the clock (but for the overrides) */
            weekly: {
                FRI?: [
                    string,
                    string
                ][];
                MON?: [
                    string,
                    string
                ][];
                SAT?: [
                    string,
                    string
                ][];
                SUN?: [
                    string,
                    string
                ][];
                THU?: [
                    string,
                    string
                ][];
                TUE?: [
                    string,
                    string
                ][];
                WED?: [
                    string,
                    string
                ][];
            } | null;
        };
        Error: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                message: string;
                requestId: string;
            };
        };
        ErrorInput: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                message: string;
                requestId: string;
            };
        };
        Payment: {
            /** @example 150.00 */
            amount: string;
            /** @description Checkouts opened and their outcomes, oldest first */
            attempts: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                at: string;
                error: string | null;
                /** @enum {string} */
                outcome: "CHECKOUT_CREATED" | "SUCCEEDED" | "DECLINED" | "EXPIRED" | "CANCELLED" | "PROVIDER_ERROR";
            }[];
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            bookingId: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /** @description Where the customer pays (a page of the provider’s) */
            checkoutUrl: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            /** @description When a PENDING payment stops taking payment (PREPAY: the payment window) */
            expiresAt: string | null;
            /** @description Why it is FAILED */
            failureReason: ("DECLINED" | "EXPIRED" | "CANCELLED") | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            /** @enum {string} */
            kind: "PREPAY" | "POSTPAY";
            paidAt: string | null;
            /** @enum {string} */
            provider: "simulated" | "stripe";
            /** @example 150.00 */
            refundedAmount: string;
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            userId: string;
        };
        PaymentInput: {
            /** @example 150.00 */
            amount: string;
            /** @description Checkouts opened and their outcomes, oldest first */
            attempts: {
                /**
                 * Format: date-time
                 * @example 2026-06-01T09:00:00.000Z
                 */
                at: string;
                error: string | null;
                /** @enum {string} */
                outcome: "CHECKOUT_CREATED" | "SUCCEEDED" | "DECLINED" | "EXPIRED" | "CANCELLED" | "PROVIDER_ERROR";
            }[];
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            bookingId: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /** @description Where the customer pays (a page of the provider’s) */
            checkoutUrl: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            /** @description When a PENDING payment stops taking payment (PREPAY: the payment window) */
            expiresAt: string | null;
            /** @description Why it is FAILED */
            failureReason: ("DECLINED" | "EXPIRED" | "CANCELLED") | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            /** @enum {string} */
            kind: "PREPAY" | "POSTPAY";
            paidAt: string | null;
            /** @enum {string} */
            provider: "simulated" | "stripe";
            /** @example 150.00 */
            refundedAmount: string;
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "FAILED" | "REFUNDED" | "PARTIALLY_REFUNDED";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            userId: string;
        };
        Resource: {
            /** @description Every rule, the defaults filled in */
            bookingRules: {
                autoConfirm: boolean;
                bufferMinutes: number;
                maxAdvanceDays: number;
                maxDurationMinutes: number;
                minDurationMinutes: number;
                minNoticeMinutes: number;
                slotMinutes: number | null;
            };
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            categoryId: string | null;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            description: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            name: string;
            /** @example 150.00 */
            price: string;
            /** @enum {string} */
            priceUnit: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "DELETED";
            /** @enum {string} */
            type: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
        };
        ResourceCategory: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            description: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            name: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
        };
        ResourceCategoryInput: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            description: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            name: string;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
        };
        ResourceInput: {
            /** @description Every rule, the defaults filled in */
            bookingRules: {
                autoConfirm: boolean;
                bufferMinutes: number;
                maxAdvanceDays: number;
                maxDurationMinutes: number;
                minDurationMinutes: number;
                minNoticeMinutes: number;
                slotMinutes: number | null;
            };
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            businessId: string;
            categoryId: string | null;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /** @example USD */
            currency: string;
            description: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            name: string;
            /** @example 150.00 */
            price: string;
            /** @enum {string} */
            priceUnit: "PER_BOOKING" | "PER_HOUR" | "PER_DAY" | "PER_NIGHT";
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "DELETED";
            /** @enum {string} */
            type: "HOTEL_ROOM" | "DOCTOR_SLOT" | "SALON_CHAIR" | "DESK" | "OTHER";
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
        };
        ResourceSchedule: {
            /** @description true: the resource has none of its own; this is its business's */
            inherited: boolean;
            overrides: {
                /**
                 * Format: date
                 * @example 2026-06-01
                 */
                date: string;
                intervals: [
                    string,
                    string
                ][];
            }[];
            /** @description The business's IANA time zone: the times are wall-clock there */
            timezone: string;
            /** @description null: open around the clock */
            weekly: {
                FRI?: [
                    string,
                    string
                ][];
                MON?: [
                    string,
                    string
                ][];
                SAT?: [
                    string,
                    string
                ][];
                SUN?: [
                    string,
                    string
                ][];
                THU?: [
                    string,
                    string
                ][];
                TUE?: [
                    string,
                    string
                ][];
                WED?: [
                    string,
                    string
                ][];
            } | null;
        };
        ResourceScheduleInput: {
            /** @description true: the resource has none of its own; this is its business's */
            inherited: boolean;
            overrides: {
                /**
                 * Format: date
                 * @example 2026-06-01
                 */
                date: string;
                intervals: [
                    string,
                    string
                ][];
            }[];
            /** @description The business's IANA time zone: the times are wall-clock there */
            timezone: string;
            /** @description null: open around the clock */
            weekly: {
                FRI?: [
                    string,
                    string
                ][];
                MON?: [
                    string,
                    string
                ][];
                SAT?: [
                    string,
                    string
                ][];
                SUN?: [
                    string,
                    string
                ][];
                THU?: [
                    string,
                    string
                ][];
                TUE?: [
                    string,
                    string
                ][];
                WED?: [
                    string,
                    string
                ][];
            } | null;
        };
        ResourceStats: {
            /** @description Most used first; categoryId null counts the resources without a category */
            byCategory: {
                categoryId: string | null;
                count: number;
                name: string | null;
            }[];
            byStatus: {
                ACTIVE: number;
                INACTIVE: number;
                MAINTENANCE: number;
            };
            byType: {
                DESK: number;
                DOCTOR_SLOT: number;
                HOTEL_ROOM: number;
                OTHER: number;
                SALON_CHAIR: number;
            };
            /** @description Per currency: lowest, highest and average price (rounded to cents) */
            priceByCurrency: {
                [key: string]: {
                    /** @example 150.00 */
                    avg: string;
                    /** @example 150.00 */
                    max: string;
                    /** @example 150.00 */
                    min: string;
                };
            };
            total: number;
        };
        ResourceStatsInput: {
            /** @description Most used first; categoryId null counts the resources without a category */
            byCategory: {
                categoryId: string | null;
                count: number;
                name: string | null;
            }[];
            byStatus: {
                ACTIVE: number;
                INACTIVE: number;
                MAINTENANCE: number;
            };
            byType: {
                DESK: number;
                DOCTOR_SLOT: number;
                HOTEL_ROOM: number;
                OTHER: number;
                SALON_CHAIR: number;
            };
            /** @description Per currency: lowest, highest and average price (rounded to cents) */
            priceByCurrency: {
                [key: string]: {
                    /** @example 150.00 */
                    avg: string;
                    /** @example 150.00 */
                    max: string;
                    /** @example 150.00 */
                    min: string;
                };
            };
            total: number;
        };
        Session: {
            accessToken: string;
            /** @description Seconds the access token is valid */
            expiresIn: number;
            refreshToken: string;
            user: components["schemas"]["User"];
        };
        SessionInput: {
            accessToken: string;
            /** @description Seconds the access token is valid */
            expiresIn: number;
            refreshToken: string;
            user: components["schemas"]["UserInput"];
        };
        TwoFactorRequired: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            challengeId: string;
            /** @constant */
            twoFactorRequired: true;
        };
        TwoFactorRequiredInput: {
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            challengeId: string;
            /** @constant */
            twoFactorRequired: true;
        };
        User: {
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            firstName: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            isEmailVerified: boolean;
            lastLoginAt: string | null;
            lastName: string | null;
            phone: string | null;
            /** @enum {string} */
            role: "CUSTOMER" | "VENDOR" | "ADMIN";
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "PENDING_VERIFICATION" | "DELETED";
            twoFactorEnabled: boolean;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            username: string;
        };
        UserInput: {
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            firstName: string | null;
            /**
             * Format: uuid
             * @example 0196f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b
             */
            id: string;
            isEmailVerified: boolean;
            lastLoginAt: string | null;
            lastName: string | null;
            phone: string | null;
            /** @enum {string} */
            role: "CUSTOMER" | "VENDOR" | "ADMIN";
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "PENDING_VERIFICATION" | "DELETED";
            twoFactorEnabled: boolean;
            /**
             * Format: date-time
             * @example 2026-06-01T09:00:00.000Z
             */
            updatedAt: string;
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
