package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// godebug is the GODEBUG of every callgrind run: asyncpreemptoff keeps
// preemption signals out of the count; cpu.rdtscp=off makes the runtime read
// the time stamp counter with RDTSC, as valgrind 3.19 kills a process that
// runs RDTSCP.
const godebug = "asyncpreemptoff=1,cpu.rdtscp=off"

// Bounds of N, the iterations of the shorter run.
const minN, maxN = 10, 100_000

// countAll counts the instructions per request of every benchmark of the
// timing runs and writes them to -instr in go test -bench format.
func countAll(timing *results) error {
	version, err := exec.Command("valgrind", "--version").Output()
	if err != nil {
		return fmt.Errorf("valgrind --version: %v (apt-get install -y valgrind)", err)
	}
	start := time.Now()
	lines := make([]string, len(timing.names))
	var failed []string
	var mu sync.Mutex
	sem := make(chan struct{}, max(*jobs, 1))
	var wg sync.WaitGroup
	for i, name := range timing.names {
		ns, _ := timing.get(name, "ns/op")
		n := min(max(int(native.Nanoseconds()/max(int64(ns), 1)), minN), maxN)
		wg.Go(func() {
			var c [2]uint64
			var err error
			for j, iters := range []int{n, 3 * n} {
				sem <- struct{}{}
				c[j], err = collect(*bin, name, iters)
				<-sem
				if err != nil {
					break
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if err == nil && c[1] <= c[0] {
				err = fmt.Errorf("%d instructions for %d iterations, %d for %d", c[0], n, c[1], 3*n)
			}
			if err != nil {
				failed = append(failed, name+": "+err.Error())
				return
			}
			per := float64(c[1]-c[0]) / float64(2*n)
			lines[i] = fmt.Sprintf("%s\t%d\t%.0f instr/op\n", name, 2*n, per)
			fmt.Fprintf(os.Stderr, "report: %s %.0f instr/op (N=%d, %s)\n", name, per, n, time.Since(start).Round(time.Second))
		})
	}
	wg.Wait()
	out := fmt.Sprintf("instructions-date: %s\ninstructions-method: %s --tool=callgrind, GOGC=off GODEBUG=%s GOMAXPROCS=1, "+
		"(Collected(3N) - Collected(N)) / 2N, N = %s / ns/op within [%d, %d]\n%s",
		start.UTC().Format(time.RFC3339), strings.TrimSpace(string(version)), godebug, *native, minN, maxN, strings.Join(lines, ""))
	if err := os.WriteFile(*instr, []byte(out), 0o644); err != nil {
		return err
	}
	if failed != nil {
		return fmt.Errorf("%d benchmarks not counted:\n%s", len(failed), strings.Join(failed, "\n"))
	}
	return nil
}

var collected = regexp.MustCompile(`(?m)^==[0-9]+== Collected : ([0-9]+)$`)

// collect runs the benchmark name for n iterations under callgrind and
// returns the instructions it collected.
func collect(bin, name string, n int) (uint64, error) {
	levels := strings.Split(name, "/")
	for i, l := range levels {
		levels[i] = "^" + regexp.QuoteMeta(l) + "$"
	}
	cmd := exec.Command("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
		bin, "-test.run", "^$", "-test.bench", strings.Join(levels, "/"), "-test.benchtime", strconv.Itoa(n)+"x")
	cmd.Env = append(os.Environ(), "GOGC=off", "GODEBUG="+godebug, "GOMAXPROCS=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%d iterations: %v: %s", n, err, stderr.String())
	}
	ran := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `\s+` + strconv.Itoa(n) + `\s`).MatchString(stdout.String())
	m := collected.FindAllStringSubmatch(stderr.String(), -1)
	if !ran || len(m) != 1 {
		return 0, fmt.Errorf("%d iterations not run and counted once: %s", n, stdout.String())
	}
	return strconv.ParseUint(m[0][1], 10, 64)
}
