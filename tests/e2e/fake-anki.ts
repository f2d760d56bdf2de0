/**
 * A stand-in for Anki with the AnkiConnect add-on (API version 6), listening where the real one does:
 * http://127.0.0.1:8765. It follows AnkiConnect's web server: CORS preflights get a 200 with the allowed origin,
 * a request from an origin the user has not allowed is refused with 403 unless it asks for permission, and
 * every answer to a POST is `{ result, error }`. It keeps the decks and notes it was given, refuses a note whose
 * first field is already in the deck as a duplicate, and records every request so tests can check what the
 * extension sent and when.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAKE_ANKI_HOST = '127.0.0.1';
export const FAKE_ANKI_PORT = 8765;

export interface FakeAnkiNote {
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
  options?: { allowDuplicate?: boolean; duplicateScope?: string };
}

export interface FakeAnkiRequest {
  method: string;
  /** The Origin header, '' when there is none. */
  origin: string;
  /** The parsed JSON body of a POST, null for a preflight or a body that is not JSON. */
  body: { action?: string; version?: number; params?: any; key?: string } | null;
  /** What the fake answered: the HTTP status and, for a POST it handled, the JSON it sent. */
  status: number;
  answer: { result: unknown; error: string | null } | null;
  at: number;
}

export interface FakeAnkiOptions {
  /**
   * What the user does in Anki's "allow this origin?" dialog when an unknown origin calls requestPermission:
   * 'granted' (they click Yes; the origin is remembered) or 'denied'.
   */
  permission?: 'granted' | 'denied';
  port?: number;
  /**
   * Makes the responder hostile for one action: 'huge' streams an endless JSON string (stopped after 64 MB),
   * 'silent' never answers, a `body` is sent as the answer, whatever it is.
   */
  hostile?: { action: string; answer: 'huge' | 'silent' | { body: string } };
}

export interface FakeAnki {
  url: string;
  /** Every HTTP request, preflights included, in order. */
  readonly requests: readonly FakeAnkiRequest[];
  /** The actions of the POSTs, in order. */
  actions(): string[];
  /** The params of each POST with this action, in order. */
  paramsOf(action: string): any[];
  /** Every note the extension sent, in any action (checks and adds), in order. */
  readonly received: readonly FakeAnkiNote[];
  /** The notes in the "collection": those added, in order. */
  readonly notes: readonly FakeAnkiNote[];
  readonly decks: ReadonlySet<string>;
  /** Origins the user allowed in the permission dialog. */
  readonly allowedOrigins: ReadonlySet<string>;
  close(): Promise<void>;
}

const VERSION = 6;

class ActionError extends Error {}

export async function startFakeAnki(opts: FakeAnkiOptions = {}): Promise<FakeAnki> {
  const port = opts.port ?? FAKE_ANKI_PORT;
  const permission = opts.permission ?? 'granted';
  const requests: FakeAnkiRequest[] = [];
  const received: FakeAnkiNote[] = [];
  const notes: (FakeAnkiNote & { id: number })[] = [];
  const decks = new Map<string, number>([['Default', 1]]);
  // AnkiConnect's default webCorsOriginList; requests without an Origin header (curl, Anki add-ons) are allowed.
  const allowedOrigins = new Set<string>(['http://localhost']);
  let nextId = 1_700_000_000_000;

  const firstField = (n: FakeAnkiNote) => Object.values(n.fields ?? {})[0] ?? '';
  const isDuplicate = (n: FakeAnkiNote) =>
    notes.some(
      (m) => m.deckName === n.deckName && m.modelName === n.modelName && firstField(m) === firstField(n),
    );

  function check(n: FakeAnkiNote): { canAdd: true } | { canAdd: false; error: string } {
    if (n.modelName !== 'Basic') return { canAdd: false, error: `model was not found: ${n.modelName}` };
    if (!decks.has(n.deckName)) return { canAdd: false, error: `deck was not found: ${n.deckName}` };
    if (firstField(n).trim() === '')
      return { canAdd: false, error: 'cannot create note because it is empty' };
    if (!n.options?.allowDuplicate && isDuplicate(n))
      return { canAdd: false, error: 'cannot create note because it is a duplicate' };
    return { canAdd: true };
  }

  const noteList = (params: any): FakeAnkiNote[] => {
    if (!Array.isArray(params?.notes)) throw new ActionError("'notes' is missing");
    const list = params.notes as FakeAnkiNote[];
    received.push(...list);
    return list;
  };

  const actions: Record<string, (params: any, origin: string) => unknown> = {
    version: () => VERSION,
    requestPermission: (_params, origin) => {
      if (!origin || allowedOrigins.has(origin) || permission === 'granted') {
        if (origin) allowedOrigins.add(origin);
        return { permission: 'granted', requireApiKey: false, version: VERSION };
      }
      return { permission: 'denied' };
    },
    deckNames: () => [...decks.keys()],
    createDeck: (params) => {
      const name = params?.deck;
      if (typeof name !== 'string' || name.trim() === '') throw new ActionError('deck name is invalid');
      if (!decks.has(name)) decks.set(name, decks.size + 1);
      return decks.get(name);
    },
    canAddNotes: (params) => noteList(params).map((n) => check(n).canAdd),
    canAddNotesWithErrorDetail: (params) => noteList(params).map(check),
    addNotes: (params) =>
      noteList(params).map((n) => {
        if (!check(n).canAdd) return null;
        const id = nextId++;
        notes.push({ ...n, id });
        return id;
      }),
  };

  function send(res: ServerResponse, status: number, corsOrigin: string, body: string, extra = {}) {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': corsOrigin,
      'Access-Control-Allow-Headers': '*',
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const origin = String(req.headers.origin ?? '');
    const allowed = !origin || allowedOrigins.has(origin);
    const corsOrigin = allowed && origin ? origin : 'http://localhost';
    const entry: FakeAnkiRequest = {
      method: req.method ?? '',
      origin,
      body: null,
      status: 200,
      answer: null,
      at: Date.now(),
    };
    requests.push(entry);

    if (req.method === 'OPTIONS') {
      const pna = req.headers['access-control-request-private-network'] === 'true';
      send(res, 200, corsOrigin, '', pna ? { 'Access-Control-Allow-Private-Network': 'true' } : {});
      return;
    }
    if (raw.length === 0) {
      send(res, 200, corsOrigin, JSON.stringify(`AnkiConnect v.${VERSION}`));
      return;
    }
    let body: FakeAnkiRequest['body'];
    try {
      body = JSON.parse(raw);
    } catch {
      entry.answer = { result: null, error: 'request body is not JSON' };
      send(res, 200, corsOrigin, JSON.stringify(entry.answer));
      return;
    }
    entry.body = body;
    const action = String(body?.action ?? '');
    if (!allowed && action !== 'requestPermission') {
      entry.status = 403;
      send(res, 403, 'http://localhost', '');
      return;
    }
    if (opts.hostile && opts.hostile.action === action) {
      const { answer } = opts.hostile;
      const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': corsOrigin };
      if (answer === 'silent') return; // the connection stays open, unanswered
      if (answer === 'huge') {
        res.writeHead(200, headers);
        res.write('{"result": "');
        const mb = Buffer.alloc(1024 * 1024, 'x');
        let sent = 0;
        const more = () => {
          while (sent < 64 && !res.destroyed) {
            sent++;
            if (!res.write(mb)) return void res.once('drain', more);
          }
          res.end('", "error": null}');
        };
        res.on('close', () => (sent = 64));
        more();
        return;
      }
      send(res, 200, corsOrigin, answer.body);
      return;
    }
    const run = actions[action];
    try {
      if (!run) throw new ActionError('unsupported action');
      if (body?.version !== VERSION) throw new ActionError(`this fake only speaks version ${VERSION}`);
      entry.answer = { result: run(body.params ?? {}, origin) ?? null, error: null };
    } catch (err) {
      entry.answer = { result: null, error: err instanceof Error ? err.message : String(err) };
    }
    // The origin may have just been allowed by requestPermission.
    const answerOrigin = origin && allowedOrigins.has(origin) ? origin : corsOrigin;
    send(res, 200, answerOrigin, JSON.stringify(entry.answer));
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} on ${FAKE_ANKI_HOST} is busy, so the fake AnkiConnect cannot start there. ` +
              `Is Anki with AnkiConnect (or an earlier test run) still running? Close it and run the test again; ` +
              `the extension only talks to AnkiConnect on this port, so the test cannot use another.`,
          ),
        );
      } else reject(err);
    };
    server.once('error', onError);
    server.listen(port, FAKE_ANKI_HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;

  return {
    url: `http://${FAKE_ANKI_HOST}:${bound}`,
    requests,
    actions: () => requests.flatMap((r) => (r.body?.action ? [r.body.action] : [])),
    paramsOf: (action) => requests.filter((r) => r.body?.action === action).map((r) => r.body!.params),
    received,
    notes,
    get decks() {
      return new Set(decks.keys());
    },
    allowedOrigins,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The browser keeps connections alive; end them so the port is free at once.
        for (const s of sockets) s.destroy();
      }),
  };
}
