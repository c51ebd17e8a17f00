// A real SMTP server for tests and local runs: STARTTLS with the given certificate, AUTH required (and refused
// before TLS), messages kept in memory and listed over HTTP. Prints {"smtp":port,"http":port} once listening.
//   node scripts/smtp-sink.mjs --key=key.pem --cert=cert.pem --user=u --pass=p [--fail=N]
// GET /messages lists what arrived; POST /fail?count=N answers the next N messages with 451 (a relay that fails).
import { SMTPServer } from 'smtp-server';
import http from 'node:http';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, ...v] = a.replace(/^--/, '').split('=');
  return [k, v.join('=')];
}));
const messages = [];
let failNext = Number(args.fail ?? 0);

const smtp = new SMTPServer({
  key: args.key ? fs.readFileSync(args.key) : undefined,
  cert: args.cert ? fs.readFileSync(args.cert) : undefined,
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === args.user && auth.password === args.pass) {
      callback(null, { user: auth.username });
    } else {
      callback(new Error('Invalid username or password'));
    }
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        const error = new Error('Mailbox busy, try again later');
        error.responseCode = 451;
        callback(error);
        return;
      }
      messages.push({
        from: session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        secure: session.secure,
        user: session.user ?? null,
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});

const control = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/messages') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(messages));
  } else if (req.method === 'POST' && url.pathname === '/fail') {
    failNext = Number(url.searchParams.get('count') ?? 1);
    res.writeHead(204);
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
});

smtp.listen(Number(args.port ?? 0), '127.0.0.1', () => {
  control.listen(Number(args.httpPort ?? 0), '127.0.0.1', () => {
    console.log(JSON.stringify({ smtp: smtp.server.address().port, http: control.address().port }));
  });
});
process.on('SIGTERM', () => process.exit(0));
