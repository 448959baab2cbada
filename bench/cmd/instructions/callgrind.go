package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A count is the instructions per request of one benchmark.
type count struct {
	Name string
	// Requests is 2N, the requests the difference of the two runs covers.
	Requests int
	PerOp    float64
}

// A job is one valgrind run: benchmark Target for N iterations.
type job struct {
	Target int // index in the targets
	N      int
}

// A done job is a job with its result.
type done struct {
	job
	Collected uint64
	Err       error
}

// measureAll measures every target with o.jobs valgrind processes at a
// time, printing progress to stderr. It returns the counts in the order of
// targets and a description of every failure.
func measureAll(ctx context.Context, o options, targets []target) ([]count, []string) {
	jobs := make(chan job)
	results := make(chan done)
	for range max(o.jobs, 1) {
		go func() {
			for j := range jobs {
				c, err := collect(ctx, o, targets[j.Target].Name, j.N)
				results <- done{j, c, err}
			}
		}()
	}
	go func() {
		for i, t := range targets {
			n := chooseN(t.NS, o.native)
			jobs <- job{i, 3 * n}
			jobs <- job{i, n}
		}
		close(jobs)
	}()
	return gather(results, targets, time.Now())
}

// gather receives the two runs of every target and turns them into counts.
func gather(results <-chan done, targets []target, start time.Time) ([]count, []string) {
	runs := make([][]done, len(targets))
	perOp := make([]float64, len(targets))
	var failures []string
	finished := 0
	for range 2 * len(targets) {
		d := <-results
		runs[d.Target] = append(runs[d.Target], d)
		if len(runs[d.Target]) < 2 {
			continue
		}
		finished++
		name := targets[d.Target].Name
		v, err := difference(runs[d.Target][0], runs[d.Target][1])
		if err != nil {
			failures = append(failures, name+": "+err.Error())
			fmt.Fprintf(os.Stderr, "instructions: [%d/%d] %s: %v\n", finished, len(targets), name, err)
			continue
		}
		perOp[d.Target] = v
		fmt.Fprintf(os.Stderr, "instructions: [%d/%d] %s: %.0f instr/op (N=%d, %s)\n",
			finished, len(targets), name, v, min(runs[d.Target][0].N, runs[d.Target][1].N),
			time.Since(start).Round(time.Second))
	}
	var counts []count
	for i, t := range targets {
		if perOp[i] > 0 {
			counts = append(counts, count{Name: t.Name, Requests: 2 * min(runs[i][0].N, runs[i][1].N), PerOp: perOp[i]})
		}
	}
	return counts, failures
}

// difference returns the instructions per request of the runs of N and 3N
// iterations, in either order.
func difference(a, b done) (float64, error) {
	if a.Err != nil {
		return 0, a.Err
	}
	if b.Err != nil {
		return 0, b.Err
	}
	if a.N > b.N {
		a, b = b, a
	}
	if b.N <= a.N || b.Collected <= a.Collected {
		return 0, fmt.Errorf("%d instructions for %d iterations, %d for %d", a.Collected, a.N, b.Collected, b.N)
	}
	return float64(b.Collected-a.Collected) / float64(b.N-a.N), nil
}

// godebug is the GODEBUG of every callgrind run. asyncpreemptoff keeps
// preemption signals out of the count. cpu.rdtscp=off makes the runtime
// read the time stamp counter with RDTSC: valgrind 3.19 does not know
// RDTSCP and kills the process with SIGILL when the runtime's spinning
// lock reads it.
const godebug = "asyncpreemptoff=1,cpu.rdtscp=off"

// collect runs the benchmark name for n iterations under callgrind and
// returns the instructions it collected.
func collect(ctx context.Context, o options, name string, n int) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
		o.bin, "-test.run", "^$", "-test.bench", pattern(name), "-test.benchtime", strconv.Itoa(n)+"x")
	cmd.Env = append(os.Environ(), "GOGC=off", "GODEBUG="+godebug, "GOMAXPROCS=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%d iterations: %v: %s", n, err, lastLines(stderr.String(), 3))
	}
	if !ran(stdout.String(), name, n) {
		return 0, fmt.Errorf("the benchmark did not run %d iterations: %s", n, lastLines(stdout.String(), 3))
	}
	return parseCollected(stderr.String())
}

// ran reports whether a test binary's output shows the benchmark name
// running n iterations.
func ran(stdout, name string, n int) bool {
	for line := range strings.Lines(stdout) {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == name && f[1] == strconv.Itoa(n) {
			return true
		}
	}
	return false
}

var collected = regexp.MustCompile(`(?m)^==[0-9]+== Collected : ([0-9]+)$`)

// parseCollected returns the total of callgrind's "Collected" line.
func parseCollected(stderr string) (uint64, error) {
	m := collected.FindAllStringSubmatch(stderr, -1)
	if len(m) != 1 {
		return 0, fmt.Errorf("%d Collected lines in callgrind's output: %s", len(m), lastLines(stderr, 3))
	}
	return strconv.ParseUint(m[0][1], 10, 64)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], " / ")
}

// valgrindVersion returns `valgrind --version`, or an error naming the
// package to install.
func valgrindVersion(ctx context.Context, valgrind string) (string, error) {
	out, err := exec.CommandContext(ctx, valgrind, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %v (install it: apt-get install -y valgrind)", valgrind, err)
	}
	return strings.TrimSpace(string(out)), nil
}
