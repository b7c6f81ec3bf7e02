// Direct API calls a journey needs for facts a person would know (their department, a demo SMS code).
export class ApiSession {
  private cookie = '';
  readonly base: string;
  private readonly locale: string;

  constructor(base: string, locale = 'zh-CN') {
    this.base = base;
    this.locale = locale;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'accept-language': this.locale,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** the session cookie, for a request made outside `call` (e.g. a CSV upload) */
  get cookieHeader(): string {
    return this.cookie;
  }

  async signIn(username: string, password = 'hewei-demo') {
    return (await this.call<{ user: StaffUser }>('POST', '/auth/login', { username, password })).user;
  }
}

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionId: string | null;
  regionName: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

/** The newest sign-in code the demo SMS sink recorded for a phone. */
export async function demoSmsCode(base: string, phone: string): Promise<string> {
  const api = new ApiSession(base);
  const { items } = await api.call<{ items: { body: string; createdAt: string }[] }>(
    'GET',
    `/dev/sms?phone=${phone}`,
  );
  const newest = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const code = newest.map((m) => m.body.match(/\b(\d{4,8})\b/)?.[1]).find(Boolean);
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}
