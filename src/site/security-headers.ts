// Security headers for every response of katsudo serve (web/server.ts) and of a static host
// serving the export (exporter/host-headers.ts), computed once at start. helmet knows which headers
// and values a site should send; asking it once and copying the result onto each reply is
// the same policy without rebuilding it per request (a tenth of a cached page's cost).
import helmet from 'helmet';

const POLICY = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' as const },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  // Feeds, the API and media are meant to be read from other origins.
  crossOriginResourcePolicy: { policy: 'cross-origin' as const },
  crossOriginEmbedderPolicy: false,
};

/** Header name → value, as helmet would set them on a response. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let isDone = false;
  helmet(POLICY)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
    isDone = true;
  });
  // helmet's middleware is synchronous; a future asynchronous one must not silently send nothing.
  if (!isDone) throw new Error('helmet did not finish synchronously');
  return headers;
}
