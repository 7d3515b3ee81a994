package webhook

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
)

// testDatabase is one database the queue tests run on.
type testDatabase struct {
	name string
	url  func(t *testing.T) string // a fresh, empty database
}

// testDatabases are SQLite and, where .ci/run (or .ci/postgres) started
// one, PostgreSQL. In CI a missing PostgreSQL fails the tests.
var testDatabases = []testDatabase{
	{"sqlite", func(t *testing.T) string { return "sqlite://" + filepath.Join(t.TempDir(), "queue.db") }},
	{"postgres", freshPostgres},
}

// forEachDatabase runs f as a subtest per database.
func forEachDatabase(t *testing.T, f func(t *testing.T, dbURL string)) {
	for _, db := range testDatabases {
		t.Run(db.name, func(t *testing.T) { f(t, db.url(t)) })
	}
}

// freshPostgres creates a database on the test server, dropped after the
// test.
func freshPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv("PYGUARD_TEST_DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("PYGUARD_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL for these tests")
		}
		t.Skip("no PostgreSQL: run eval \"$(.ci/postgres)\" first")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("PostgreSQL at PYGUARD_TEST_DATABASE_URL: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("pyguard_t_%d", rand.Int64())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		_, _ = c.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
