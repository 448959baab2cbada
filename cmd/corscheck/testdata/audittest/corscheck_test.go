package audittest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// corscheck is the path of the command built by TestMain.
var corscheck string

// TestMain builds corscheck once, from its module next door, as
// `go build` would for a user.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "corscheck")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	corscheck = filepath.Join(dir, "corscheck")
	build := exec.Command("go", "build", "-o", corscheck, ".")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building corscheck: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// report is the part of corscheck audit -json that the tests read.
type report struct {
	Verdict  string `json:"verdict"`
	Findings []struct {
		ID       string `json:"id"`
		Severity string `json:"severity"`
		Request  struct {
			Headers map[string][]string `json:"headers"`
		} `json:"request"`
	} `json:"findings"`
	Error string `json:"error"`
}

// found returns the findings as "id severity" strings.
func (r report) found() []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.ID+" "+f.Severity)
	}
	return out
}

// audit runs corscheck audit -json against url, with the trusted origin
// when not empty, and returns its report and exit status.
func audit(t *testing.T, url, trusted string) (report, int) {
	t.Helper()
	args := []string{"audit", "-json"}
	if trusted != "" {
		args = append(args, "-origin", trusted)
	}
	cmd := exec.Command(corscheck, append(args, url)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	status := 0
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		status = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running corscheck: %v", err)
	}
	var r report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("corscheck audit -json printed no JSON (%v), stderr %q:\n%s", err, stderr.String(), out)
	}
	return r, status
}
