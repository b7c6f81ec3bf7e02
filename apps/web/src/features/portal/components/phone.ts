export const PHONE_RE = /^1\d{10}$/;
