// Creates the SQLite file bench/run-api-bench.sh serves: the posts table of
// examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy with COUNT rows.
//   node bench/express-sqlite/seed.js FILE [COUNT]     (COUNT default 1000)
'use strict';
const Database = require('better-sqlite3');

const file = process.argv[2];
const n = Number(process.argv[3] || 1000);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE IF NOT EXISTS posts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  body TEXT,
  author_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT
)`);
db.exec('CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at)');
const insert = db.prepare('INSERT INTO posts (title, body, author_id, created_at) VALUES (?, ?, ?, ?)');
const start = Date.parse('2026-01-01T00:00:00Z');
db.transaction(() => {
  for (let i = 1; i <= n; i++) {
    insert.run(`Post ${i}`, `The body of post ${i}, a sentence or two of text as a blog post would have.`,
      1 + (i % 2), new Date(start + i * 60000).toISOString());
  }
})();
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
console.log(`${file}: ${n} posts`);
