// Express 5 + better-sqlite3 counterpart of examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy,
// for bench/run-api-bench.sh: the same routes, tokens, CORS headers, paging and JSON, on the same SQLite
// schema (WAL mode, as the Ruchy runtime opens a file).
//   node bench/express-sqlite/server.js PORT [HOST]     (PORT default 3000, HOST default 127.0.0.1)
// DATABASE (default data.db) is the SQLite file, created with the posts table if missing.
'use strict';
const express = require('express');
const Database = require('better-sqlite3');

const port = Number(process.argv[2] || process.env.PORT || 3000);
const host = process.argv[3] || '127.0.0.1';
const db = new Database(process.env.DATABASE || 'data.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 30000');
db.exec(`CREATE TABLE IF NOT EXISTS posts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  body TEXT,
  author_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT
)`);
db.exec('CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at)');
const columns = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').all('posts').map((c) => c.name));

const users = {
  'Bearer alice-token': { id: 1, name: 'alice' },
  'Bearer bob-token': { id: 2, name: 'bob' },
};

const page = db.prepare('SELECT * FROM posts ORDER BY created_at DESC LIMIT ? OFFSET ?');
const count = db.prepare('SELECT COUNT(*) AS n FROM posts');
const find = db.prepare('SELECT * FROM posts WHERE id = ?');
const remove = db.prepare('DELETE FROM posts WHERE id = ?');

function intQuery(value, fallback) {
  const n = Number.parseInt(value, 10);
  return Number.isSafeInteger(n) && String(n) === String(value).trim() ? n : fallback;
}

function checked(object) {
  for (const key of Object.keys(object)) {
    if (!columns.has(key)) throw new Error(`Unknown column '${key}' in table 'posts'`);
  }
  return object;
}

const app = express();
app.disable('x-powered-by');
app.disable('etag');

// CORS middleware
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
  next();
});

// Authentication middleware
function requireAuth(req, res, next) {
  const user = users[req.get('Authorization')];
  if (!user) return res.status(401).json({ error: 'Unauthorized' });
  req.user = user;
  next();
}

app.get('/health', (req, res) => {
  res.json({ status: 'ok', posts: count.get().n });
});

app.get('/api/posts', (req, res) => {
  const p = Math.min(Math.max(intQuery(req.query.page, 1), 1), 1000000);
  const limit = Math.min(Math.max(intQuery(req.query.limit, 10), 1), 100);
  res.json({ posts: page.all(limit, (p - 1) * limit), page: p, total: count.get().n });
});

app.get('/api/posts/:id', (req, res) => {
  const post = find.get(intQuery(req.params.id, -1));
  if (post) res.json(post);
  else res.status(404).json({ error: 'Post not found' });
});

app.post('/api/posts', requireAuth, express.json(), (req, res) => {
  const post = checked({ ...req.body, author_id: req.user.id, created_at: new Date().toISOString() });
  const keys = Object.keys(post);
  const info = db.prepare(`INSERT INTO posts (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
    .run(...keys.map((k) => post[k]));
  res.status(201).json(find.get(info.lastInsertRowid));
});

app.put('/api/posts/:id', requireAuth, express.json(), (req, res) => {
  const id = intQuery(req.params.id, -1);
  const post = find.get(id);
  if (!post || post.author_id !== req.user.id) return res.status(403).json({ error: 'Forbidden' });
  const updates = checked({ ...req.body, updated_at: new Date().toISOString() });
  const keys = Object.keys(updates);
  db.prepare(`UPDATE posts SET ${keys.map((k) => `"${k}" = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => updates[k]), id);
  res.json(find.get(id));
});

app.delete('/api/posts/:id', requireAuth, (req, res) => {
  const id = intQuery(req.params.id, -1);
  const post = find.get(id);
  if (!post || post.author_id !== req.user.id) return res.status(403).json({ error: 'Forbidden' });
  remove.run(id);
  res.status(204).send();
});

// Error handling
app.use((err, req, res, next) => {
  console.error(`Error: ${err.message}`);
  res.status(500).json({ error: 'Internal server error', message: err.message });
});

app.listen(port, host, () => {
  console.log(`🚀 API server running on http://${host}:${port}`);
});
