// Command instructions counts the instructions each side-by-side benchmark
// executes per request, a figure that does not depend on the machine's
// load. For every benchmark of a raw `go test -bench` output (by default
// results/bench.txt, which `make results` writes) it runs the compiled
// test binary twice under valgrind's callgrind, for N and for 3N
// iterations, with GOGC=off, GOMAXPROCS=1 and the GODEBUG settings of
// godebug:
//
//	instructions per request = (Collected(3N) - Collected(N)) / 2N
//
// The difference removes the process's start-up and the benchmark's
// set-up. N is chosen from the benchmark's median ns/op so that N requests
// take about 30 ms natively (at least 200, at most 100,000). With GOGC=off
// no garbage collection runs, so two repetitions agree within a fraction
// of a percent; allocations still count their mallocgc instructions. It
// runs one valgrind process per CPU in parallel (instruction counts do not
// care about the load) and writes the counts in Go benchmark format, one
// line per benchmark ("BenchmarkX 2N 4948 instr/op", the iteration count
// being the 2N requests the figure is averaged over), which cmd/results
// and benchstat read. `make instructions` in bench/ runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "results/bench.test", "test binary (go test -c)")
	flag.StringVar(&o.raw, "raw", "results/bench.txt", "raw go test -bench output naming the benchmarks, with their ns/op")
	flag.StringVar(&o.out, "out", "results/instructions.txt", "file to write")
	flag.StringVar(&o.valgrind, "valgrind", "valgrind", "valgrind command")
	flag.IntVar(&o.jobs, "j", runtime.NumCPU(), "valgrind processes run in parallel")
	flag.DurationVar(&o.native, "native", 30*time.Millisecond, "native time one run of N requests should take")
	flag.DurationVar(&o.timeout, "timeout", 10*time.Minute, "time limit of one valgrind run")
	flag.Parse()
	if err := run(context.Background(), o); err != nil {
		fmt.Fprintln(os.Stderr, "instructions:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	bin, raw, out, valgrind string
	jobs                    int
	native, timeout         time.Duration
}

func run(ctx context.Context, o options) error {
	targets, runDate, err := readTargets(o.raw)
	if err != nil {
		return err
	}
	if len(targets) == 0 {
		return fmt.Errorf("%s: no benchmark results", o.raw)
	}
	version, err := valgrindVersion(ctx, o.valgrind)
	if err != nil {
		return err
	}
	start := time.Now()
	counts, failures := measureAll(ctx, o, targets)
	elapsed := time.Since(start).Round(time.Second)
	h := header{date: start.UTC(), runDate: runDate, valgrind: version, native: o.native}
	if err := writeFile(o.out, h, counts); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "instructions: %d benchmarks in %s with %d parallel valgrind runs -> %s\n",
		len(counts), elapsed, o.jobs, o.out)
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(os.Stderr, "instructions:", f)
		}
		return fmt.Errorf("%d of %d benchmarks not measured", len(failures), len(targets))
	}
	return nil
}
