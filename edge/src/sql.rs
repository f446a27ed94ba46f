//! SQLite helpers shared by both Durable Objects: numbered migrations and a key/value table.
//!
//! Every write in one request that is not separated by an `await` commits atomically (the
//! runtime's write coalescing), which is what makes "append events + save state + remember the
//! command" one transaction without an explicit BEGIN.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use worker::SqlStorage;

/// Runs the migrations this object has not run yet. `migrations[i]` is version `i + 1`; each is
/// a list of statements. Never edit a shipped migration: add the next one.
pub fn migrate(sql: &SqlStorage, migrations: &[&[&str]]) -> worker::Result<()> {
    sql.exec("CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY)", None)?;
    #[derive(Deserialize)]
    struct Row {
        version: i64,
    }
    let done: Vec<Row> = sql.exec("SELECT version FROM _migrations", None)?.to_array()?;
    for (index, statements) in migrations.iter().enumerate() {
        let version = index as i64 + 1;
        if done.iter().any(|r| r.version == version) {
            continue;
        }
        for statement in statements.iter() {
            sql.exec(statement, None)?;
        }
        sql.exec("INSERT INTO _migrations (version) VALUES (?)", vec![version.into()])?;
    }
    Ok(())
}

/// The key/value table every object has (migration 1 creates it).
pub const META_TABLE: &str = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

pub fn get_meta<T: DeserializeOwned>(sql: &SqlStorage, key: &str) -> worker::Result<Option<T>> {
    #[derive(Deserialize)]
    struct Row {
        value: String,
    }
    let rows: Vec<Row> =
        sql.exec("SELECT value FROM meta WHERE key = ?", vec![key.into()])?.to_array()?;
    match rows.into_iter().next() {
        None => Ok(None),
        Some(row) => Ok(Some(serde_json::from_str(&row.value)?)),
    }
}

pub fn put_meta<T: Serialize>(sql: &SqlStorage, key: &str, value: &T) -> worker::Result<()> {
    let json = serde_json::to_string(value)?;
    sql.exec(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        vec![key.into(), json.into()],
    )?;
    Ok(())
}

/// The time a `SELECT MIN(…) AS at …` query finds, if any row has one: when an alarm must
/// ring next for what that table holds.
pub fn earliest(sql: &SqlStorage, query: &str) -> worker::Result<Option<i64>> {
    #[derive(Deserialize)]
    struct Earliest {
        at: Option<i64>,
    }
    let rows: Vec<Earliest> = sql.exec(query, None)?.to_array()?;
    Ok(rows.into_iter().next().and_then(|row| row.at))
}
