package main

import (
	"bytes"
	"context"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// update rewrites the golden files: go test -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// runWith runs the command line args against h, in memory, and returns
// the exit status, stdout and stderr.
func runWith(h http.HandlerFunc, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	e := env{stdout: &out, stderr: &errOut, transport: handlerTransport{h}}
	status := run(context.Background(), args, e)
	return status, out.String(), errOut.String()
}

func TestGolden(t *testing.T) {
	const api = "https://api.example.com/items"
	for _, c := range []struct {
		name    string
		handler http.HandlerFunc
		args    []string
		status  int
	}{
		{"check-readable", strict, []string{"-origin", trusted, "-method", "PUT", "-H", "Content-Type: application/json", api}, 0},
		{"check-readable-credentials", strict, []string{"-origin", trusted, "-credentials", "-cookie", "sid=1", api}, 0},
		{"check-blocked-origin", strict, []string{"-origin", "https://other.example.com", api}, 1},
		{"check-blocked-preflight", strict, []string{"-origin", trusted, "-method", "PUT", "-H", "X-Other: 1", api}, 1},
		{"check-blocked-wildcard", wildcard, []string{"-origin", trusted, "-credentials", api}, 1},
		{"check-warnings", reflecting, []string{"-origin", trusted, "-method", "PUT", "-H", "X-Custom: 1", "-credentials", api}, 0},
		{"check-blocked-json", strict, []string{"-json", "-origin", trusted, "-method", "PUT", "-H", "X-Other: 1", api}, 1},
		{"audit-pass", strict, []string{"audit", "-origin", trusted, api}, 0},
		{"audit-reflecting", reflecting, []string{"audit", "-origin", trusted, api}, 1},
		{"audit-wildcard", wildcard, []string{"audit", api}, 0},
		{"audit-leaky", leaky, []string{"audit", "-origin", trusted, api}, 0},
		{"audit-look-alikes", lookAlikeRegex, []string{"audit", "-origin", trusted, api}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, out, errOut := runWith(c.handler, c.args...)
			if status != c.status || errOut != "" {
				t.Errorf("exit status %d, want %d; stderr %q", status, c.status, errOut)
			}
			golden(t, filepath.Join("testdata", c.name+".golden"), out)
		})
	}
}

// golden compares got with the file path, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run Golden -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -run Golden -update rewrites it):\n%s", path, got)
	}
}
