package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/corskit/corskit/bench"
)

// Bounds of N, the iterations of the shorter of a benchmark's two runs.
const (
	minN = 200
	maxN = 100_000
)

// A target is one benchmark to measure.
type target struct {
	// Name is the full name as go test prints it with GOMAXPROCS=1, e.g.
	// "BenchmarkCORS/fw=gin/impl=corskit/req=preflight".
	Name string
	// NS is the median ns/op of the timing run.
	NS float64
}

// readTargets reads the benchmarks of a raw go test output, and its
// run-date configuration line (written by bench/Makefile).
func readTargets(path string) ([]target, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	targets, runDate, err := parseRaw(f, knownNames())
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", path, err)
	}
	return targets, runDate, nil
}

// parseRaw returns the benchmarks of a raw go test output in the order of
// their first result, each with its median ns/op, and the value of the
// run-date line. known tells the names the benchmarks have without the
// "-GOMAXPROCS" suffix go test adds when GOMAXPROCS is not 1.
func parseRaw(r io.Reader, known map[string]bool) ([]target, string, error) {
	samples := map[string][]float64{}
	var order []string
	runDate := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "run-date: "); ok && runDate == "" {
			runDate = strings.TrimSpace(v)
		}
		if !strings.HasPrefix(line, "Benchmark") {
			continue
		}
		name, ns, err := parseResult(line)
		if err != nil {
			return nil, "", err
		}
		name = baseName(name, known)
		if _, seen := samples[name]; !seen {
			order = append(order, name)
		}
		samples[name] = append(samples[name], ns)
	}
	targets := make([]target, len(order))
	for i, name := range order {
		targets[i] = target{Name: name, NS: median(samples[name])}
	}
	return targets, runDate, sc.Err()
}

// parseResult returns the name and the ns/op of a result line.
func parseResult(line string) (string, float64, error) {
	f := strings.Fields(line)
	for i := 3; i < len(f); i += 2 {
		if f[i] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[i-1], 64)
		if err != nil || ns <= 0 {
			return "", 0, fmt.Errorf("%s: bad ns/op %q", f[0], f[i-1])
		}
		return f[0], ns, nil
	}
	return "", 0, fmt.Errorf("no ns/op in %q", line)
}

var procsSuffix = regexp.MustCompile(`-[0-9]+$`)

// baseName removes the "-GOMAXPROCS" suffix from name, when name is not a
// known name and removing the suffix makes it one ("req=allowed-2" is a
// kind, not "req=allowed" on 2 CPUs). Unknown names are kept as they are.
func baseName(name string, known map[string]bool) string {
	if known[name] {
		return name
	}
	if base := procsSuffix.ReplaceAllString(name, ""); known[base] {
		return base
	}
	return name
}

// knownNames returns the names of every benchmark of bench_test.go.
func knownNames() map[string]bool {
	known := map[string]bool{}
	for _, k := range bench.Kinds() {
		known["BenchmarkDecide/req="+k.Name] = true
		for _, fw := range bench.Frameworks() {
			for _, im := range fw.Impls {
				known["BenchmarkCORS/fw="+fw.Name+"/impl="+im.Name+"/req="+k.Name] = true
			}
		}
	}
	return known
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// chooseN returns the iterations of the shorter run of a benchmark whose
// requests take ns nanoseconds: about native of native time, within
// [minN, maxN].
func chooseN(ns float64, native time.Duration) int {
	n := math.Round(float64(native.Nanoseconds()) / ns)
	return int(math.Max(minN, math.Min(maxN, n)))
}

// pattern returns the -test.bench pattern that selects exactly the
// benchmark name: go test splits the pattern on '/' and matches each level
// of the name separately, so each level is quoted and anchored.
func pattern(name string) string {
	levels := strings.Split(name, "/")
	for i, l := range levels {
		levels[i] = "^" + regexp.QuoteMeta(l) + "$"
	}
	return strings.Join(levels, "/")
}
