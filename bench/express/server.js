// Express 5 counterpart of examples/src/main/ruchy/dev/ruchy/examples/01_web_server.ruchy, for
// bench/run-web-bench.sh: the same routes and a logging middleware that prints one line per request.
//   node bench/express/server.js PORT [HOST]     (PORT default 8080, HOST default 127.0.0.1)
// STATIC_DIR (default ./static) is served at /public.
'use strict';
const crypto = require('node:crypto');
const express = require('express');

const port = Number(process.argv[2] || process.env.PORT || 8080);
const host = process.argv[3] || '127.0.0.1';
const staticDir = process.env.STATIC_DIR || './static';

const app = express();
app.disable('x-powered-by');

// Middleware for logging: method, path, status and ms once the response is finished
app.use((req, res, next) => {
  const start = Date.now();
  res.on('finish', () => {
    console.log(`${req.method} ${req.path} - ${res.statusCode} (${Date.now() - start}ms)`);
  });
  next();
});

app.get('/', (req, res) => {
  res.type('html').send('<h1>Welcome to Ruchy Server!</h1>');
});

app.get('/api/users', (req, res) => {
  const users = [
    { id: 1, name: 'Alice', email: 'alice@example.com' },
    { id: 2, name: 'Bob', email: 'bob@example.com' },
  ];
  res.json(users);
});

app.post('/api/users', express.json(), (req, res) => {
  const user = req.body || {};
  console.log(`Creating user: ${user.name}`);
  user.id = crypto.randomUUID();
  user.created = new Date().toISOString();
  res.status(201).json(user);
});

app.use('/public', express.static(staticDir));

app.listen(port, host, () => {
  console.log(`🚀 Server running on http://${host}:${port}`);
});
