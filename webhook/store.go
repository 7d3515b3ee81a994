package webhook

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "modernc.org/sqlite" // database/sql driver "sqlite" (pure Go)
)

// DefaultDatabaseURL is the embedded default: a SQLite file in the working
// directory. PostgreSQL (postgres://…) lets several replicas share jobs.
const DefaultDatabaseURL = "sqlite://pyguard.db"

// store is the database behind the job queue: river's tables plus two of
// ours (the per-pull-request lease and each job's check run). It speaks
// SQLite (one process, a file lock enforces it) or PostgreSQL.
type store struct {
	sqlite *sql.DB       // SQLite: one connection, as riversqlite asks
	pg     *pgxpool.Pool // PostgreSQL
	lock   *os.File      // SQLite: held for the process's life
	where  string        // for logs, without credentials
}

// openStore opens (and for SQLite creates) the database named by rawURL:
// "sqlite://PATH" (relative or absolute), "sqlite:PATH", a bare path, or
// "postgres://…" / "postgresql://…".
func openStore(ctx context.Context, rawURL string) (*store, error) {
	if rawURL == "" {
		rawURL = DefaultDatabaseURL
	}
	switch {
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		return openPostgres(ctx, rawURL)
	case strings.Contains(rawURL, "://") && !strings.HasPrefix(rawURL, "sqlite://"):
		scheme, _, _ := strings.Cut(rawURL, "://")
		return nil, fmt.Errorf("database URL: unsupported scheme %q (use sqlite://PATH or postgres://…)", scheme)
	}
	path := strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite://"), "sqlite:")
	return openSQLite(ctx, path)
}

func openPostgres(ctx context.Context, rawURL string) (*store, error) {
	where := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		where = u.Redacted()
	}
	pool, err := pgxpool.New(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", where, err)
	}
	s := &store{pg: pool, where: where}
	if err := s.createTables(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

func openSQLite(ctx context.Context, path string) (*store, error) {
	if path == "" {
		return nil, errors.New("database URL: empty SQLite path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("database %s: %w", path, err)
		}
	}
	// One process per file: the lock makes "every job marked running
	// belongs to a process that died" true at startup (rescueOrphans).
	lock, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("database %s is in use by another pyguard process (one process per SQLite file; use PostgreSQL for several replicas)", path)
	}
	// WAL survives a killed process with every committed job; a busy
	// timeout instead of SQLITE_BUSY errors; IMMEDIATE transactions so
	// writers queue instead of failing on upgrade.
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &store{sqlite: db, lock: lock, where: path}
	if err := db.PingContext(ctx); err != nil {
		s.close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
		s.close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := s.createTables(ctx); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *store) close() {
	if s.sqlite != nil {
		_ = s.sqlite.Close()
	}
	if s.pg != nil {
		s.pg.Close()
	}
	if s.lock != nil {
		_ = s.lock.Close() // releases the flock
	}
}

func (s *store) kind() string {
	if s.pg != nil {
		return "postgres"
	}
	return "sqlite"
}

// exec runs a statement written with $n placeholders and returns the rows
// it affected.
func (s *store) exec(ctx context.Context, query string, args ...any) (int64, error) {
	if s.pg != nil {
		tag, err := s.pg.Exec(ctx, query, args...)
		return tag.RowsAffected(), err
	}
	res, err := s.sqlite.ExecContext(ctx, sqliteQuery(query), args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// queryRow scans one row into dest; ok is false when there is none.
func (s *store) queryRow(ctx context.Context, query string, args []any, dest ...any) (ok bool, err error) {
	if s.pg != nil {
		err = s.pg.QueryRow(ctx, query, args...).Scan(dest...)
	} else {
		err = s.sqlite.QueryRowContext(ctx, sqliteQuery(query), args...).Scan(dest...)
	}
	if errors.Is(err, sql.ErrNoRows) || (err != nil && err.Error() == "no rows in result set") {
		return false, nil
	}
	return err == nil, err
}

// sqliteQuery turns $1, $2, … into SQLite's ?1, ?2, ….
func sqliteQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if q[i] == '$' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9' {
			b.WriteByte('?')
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Our tables. Times are Unix milliseconds, the same in both databases.
const (
	createLeaseTable = `CREATE TABLE IF NOT EXISTS pyguard_pr_lease (
	pr_key     TEXT PRIMARY KEY,
	holder     TEXT NOT NULL,
	expires_ms BIGINT NOT NULL
)`
	createReviewedTable = `CREATE TABLE IF NOT EXISTS pyguard_reviewed (
	review_key TEXT PRIMARY KEY,
	done_ms    BIGINT NOT NULL
)`
	createCheckRunTable = `CREATE TABLE IF NOT EXISTS pyguard_job_check_run (
	job_id       BIGINT PRIMARY KEY,
	check_run_id BIGINT NOT NULL,
	created_ms   BIGINT NOT NULL
)`
)

func (s *store) createTables(ctx context.Context) error {
	for _, q := range []string{createLeaseTable, createCheckRunTable, createReviewedTable} {
		if _, err := s.exec(ctx, q); err != nil {
			return fmt.Errorf("database %s: create tables: %w", s.where, err)
		}
	}
	return nil
}

// tryLease takes the lease of key for holder until now+ttl, if it is free,
// expired or already holder's; it reports whether holder has it now.
func (s *store) tryLease(ctx context.Context, key, holder string, now time.Time, ttl time.Duration) (bool, error) {
	n, err := s.exec(ctx, `INSERT INTO pyguard_pr_lease (pr_key, holder, expires_ms) VALUES ($1, $2, $3)
ON CONFLICT (pr_key) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
WHERE pyguard_pr_lease.expires_ms < $4 OR pyguard_pr_lease.holder = excluded.holder`,
		key, holder, now.Add(ttl).UnixMilli(), now.UnixMilli())
	return n == 1, err
}

// releaseLease gives key up if holder has it.
func (s *store) releaseLease(ctx context.Context, key, holder string) error {
	_, err := s.exec(ctx, `DELETE FROM pyguard_pr_lease WHERE pr_key = $1 AND holder = $2`, key, holder)
	return err
}

// markReviewed records that the review key (PR@head) was done.
func (s *store) markReviewed(ctx context.Context, key string, now time.Time) error {
	_, err := s.exec(ctx, `INSERT INTO pyguard_reviewed (review_key, done_ms) VALUES ($1, $2)
ON CONFLICT (review_key) DO UPDATE SET done_ms = excluded.done_ms`, key, now.UnixMilli())
	return err
}

// reviewed reports whether the review key was done.
func (s *store) reviewed(ctx context.Context, key string) (bool, error) {
	var ms int64
	return s.queryRow(ctx, `SELECT done_ms FROM pyguard_reviewed WHERE review_key = $1`, []any{key}, &ms)
}

func (s *store) pruneReviewed(ctx context.Context, before time.Time) error {
	_, err := s.exec(ctx, `DELETE FROM pyguard_reviewed WHERE done_ms < $1`, before.UnixMilli())
	return err
}

// rememberCheckRun records the check run job created.
func (s *store) rememberCheckRun(ctx context.Context, job, checkRun int64, now time.Time) error {
	_, err := s.exec(ctx, `INSERT INTO pyguard_job_check_run (job_id, check_run_id, created_ms) VALUES ($1, $2, $3)
ON CONFLICT (job_id) DO UPDATE SET check_run_id = excluded.check_run_id`, job, checkRun, now.UnixMilli())
	return err
}

// checkRunOf is the check run an earlier attempt of job created, or 0.
func (s *store) checkRunOf(ctx context.Context, job int64) (int64, error) {
	var id int64
	_, err := s.queryRow(ctx, `SELECT check_run_id FROM pyguard_job_check_run WHERE job_id = $1`, []any{job}, &id)
	return id, err
}

// forgetCheckRun drops job's record once the job is over, and records
// older than a week (jobs river has long since deleted).
func (s *store) forgetCheckRun(ctx context.Context, job int64, now time.Time) error {
	_, err := s.exec(ctx, `DELETE FROM pyguard_job_check_run WHERE job_id = $1 OR created_ms < $2`,
		job, now.Add(-7*24*time.Hour).UnixMilli())
	return err
}

// rescueOrphans makes the jobs a killed process left running available
// again at once, and frees the leases it held. Only for SQLite, whose file lock proves that no other
// process runs them; on PostgreSQL river's rescuer does it after
// RescueStuckJobsAfter, since a job may be running on another replica.
func (s *store) rescueOrphans(ctx context.Context) (int64, error) {
	if s.sqlite == nil {
		return 0, nil
	}
	// Their leases are theirs too.
	if _, err := s.exec(ctx, `DELETE FROM pyguard_pr_lease`); err != nil {
		return 0, err
	}
	// scheduled_at is in the past already (the job was running).
	return s.exec(ctx, `UPDATE river_job SET state = 'available' WHERE state = 'running'`)
}

// jobCounts is the number of jobs per state.
func (s *store) jobCounts(ctx context.Context) (map[string]int, error) {
	const q = `SELECT state, COUNT(*) FROM river_job GROUP BY state`
	out := map[string]int{}
	if s.pg != nil {
		rows, err := s.pg.Query(ctx, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var st string
			var n int
			if err := rows.Scan(&st, &n); err != nil {
				return nil, err
			}
			out[st] = n
		}
		return out, rows.Err()
	}
	rows, err := s.sqlite.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// holderID names this process in leases: host, pid and a start time.
func holderID() string {
	host, _ := os.Hostname()
	return host + ":" + strconv.Itoa(os.Getpid()) + ":" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// oldestAvailable is how long the oldest job ready to run has waited.
func (s *store) oldestAvailable(ctx context.Context, now time.Time) (time.Duration, error) {
	const q = `SELECT scheduled_at FROM river_job WHERE state = 'available' ORDER BY scheduled_at LIMIT 1`
	var at time.Time
	if s.pg != nil {
		ok, err := s.queryRow(ctx, q, nil, &at)
		if !ok || err != nil {
			return 0, err
		}
		return max(now.Sub(at), 0), nil
	}
	var raw any
	if ok, err := s.queryRow(ctx, q, nil, &raw); !ok || err != nil {
		return 0, err
	}
	switch v := raw.(type) {
	case time.Time:
		at = v
	case string:
		t, err := parseSQLiteTime(v)
		if err != nil {
			return 0, err
		}
		at = t
	default:
		return 0, fmt.Errorf("scheduled_at: unexpected %T", raw)
	}
	return max(now.Sub(at), 0), nil
}

func parseSQLiteTime(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("scheduled_at: unknown time format %q", v)
}
