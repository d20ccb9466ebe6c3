/**
 * Development-only ES256 key pair, committed on purpose so that `npm start` works out of the box.
 * Production refuses it (platform/config.ts): set JWT_PRIVATE_KEY (customers only) and JWT_PUBLIC_KEY.
 */
export const DEV_JWT_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg8fTa3acE0aIR4PmE
8Yl/v1cvFncbTtDMQYtegGZqNHuhRANCAAStVl3Z0qpBmRxWf6aomCy6PR+FKanm
iFfusRpN+SL/ciVM7P9T5N8rsgarAbDLDs5J2nm0zugAWPe9qzlGciH7
-----END PRIVATE KEY-----`;

export const DEV_JWT_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAErVZd2dKqQZkcVn+mqJgsuj0fhSmp
5ohX7rEaTfki/3IlTOz/U+TfK7IGqwGwyw7OSdp5tM7oAFj3vas5RnIh+w==
-----END PUBLIC KEY-----`;
