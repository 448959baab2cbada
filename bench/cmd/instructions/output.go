package main

import (
	"bytes"
	"fmt"
	"os"
	"time"
)

// A header is the configuration lines of the output.
type header struct {
	date     time.Time
	runDate  string // run-date of the timing run whose benchmarks were measured
	valgrind string
	native   time.Duration
}

// format writes the output: configuration lines ("key: value", as go test
// writes them, which benchstat and cmd/results read), then one line per
// benchmark in Go benchmark format.
func format(h header, counts []count) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "instructions-date: %s\n", h.date.Format(time.RFC3339))
	if h.runDate != "" {
		fmt.Fprintf(&b, "instructions-of-run: %s\n", h.runDate)
	}
	fmt.Fprintf(&b, "instructions-method: %s --tool=callgrind, GOGC=off GODEBUG=%s GOMAXPROCS=1, "+
		"(Collected(3N) - Collected(N)) / 2N, N = %s / ns/op within [%d, %d]\n", h.valgrind, godebug, h.native, minN, maxN)
	for _, c := range counts {
		fmt.Fprintf(&b, "%s\t%d\t%.0f instr/op\n", c.Name, c.Requests, c.PerOp)
	}
	return b.Bytes()
}

// writeFile writes the output to path through a temporary file, so that
// an interrupted run leaves the previous file.
func writeFile(path string, h header, counts []count) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, format(h, counts), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
