// Command report writes bench/RESULTS.md from the timing runs
// (results/bench.txt) and the instruction counts (results/instructions.txt).
// With -count it first makes the counts: every benchmark of the timing runs
// runs twice under valgrind's callgrind, for N and 3N iterations, and
//
//	instructions per request = (Collected(3N) - Collected(N)) / 2N,
//
// which removes start-up and set-up; N is chosen so that N requests take
// about -native natively. `make report` and `make instructions` in bench/
// run it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	count  = flag.Bool("count", false, "count instructions into -instr instead of writing the report")
	bin    = flag.String("bin", "results/bench.test", "test binary to count with (go test -c)")
	raw    = flag.String("raw", "results/bench.txt", "timing runs (go test -bench output)")
	instr  = flag.String("instr", "results/instructions.txt", "instruction counts")
	out    = flag.String("out", "RESULTS.md", "report to write")
	native = flag.Duration("native", 30*time.Millisecond, "native time of the shorter callgrind run")
	jobs   = flag.Int("j", runtime.NumCPU(), "valgrind processes run at once")
)

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run() error {
	timing, err := parseFile(*raw)
	if err != nil {
		return err
	}
	if *count {
		return countAll(timing)
	}
	counts, err := parseFile(*instr)
	if os.IsNotExist(err) {
		counts, err = &results{}, nil // not measured: the report says so
	}
	if err != nil {
		return err
	}
	return os.WriteFile(*out, report(timing, counts), 0o644)
}

// results are the medians of a go test -bench output, by benchmark name and
// unit ("ns/op", "allocs/op", "instr/op", ...), and its "key: value" lines.
type results struct {
	names  []string // in the order of their first line
	median map[string]map[string]float64
	config map[string]string
}

// get returns the median of name's unit, and whether there is one.
func (r *results) get(name, unit string) (float64, bool) {
	v, ok := r.median[name][unit]
	return v, ok
}

func parseFile(path string) (*results, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := &results{median: map[string]map[string]float64{}, config: map[string]string{}}
	samples := map[string]map[string][]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if !strings.HasPrefix(line, "Benchmark") {
			if k, v, ok := strings.Cut(line, ": "); ok && !strings.Contains(k, " ") {
				r.config[k] = strings.TrimSpace(v) // go test repeats its lines every round
			}
			continue
		}
		if len(fields)%2 != 0 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		name := fields[0]
		if samples[name] == nil {
			samples[name] = map[string][]float64{}
			r.names = append(r.names, name)
		}
		for i := 2; i < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: bad line %q", path, line)
			}
			samples[name][fields[i+1]] = append(samples[name][fields[i+1]], v)
		}
	}
	for name, units := range samples {
		r.median[name] = map[string]float64{}
		for unit, vs := range units {
			r.median[name][unit] = median(vs)
		}
	}
	return r, sc.Err()
}

func median(vs []float64) float64 {
	vs = slices.Sorted(slices.Values(vs))
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2
	}
	return vs[len(vs)/2]
}
