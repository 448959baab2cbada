package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestPatternSelectsExactlyOneBenchmark(t *testing.T) {
	name := "BenchmarkCORS/fw=gin/impl=gin-contrib-cors/req=allowed-2"
	got := pattern(name)
	if want := `^BenchmarkCORS$/^fw=gin$/^impl=gin-contrib-cors$/^req=allowed-2$`; got != want {
		t.Fatalf("pattern %q, want %q", got, want)
	}
	// go test matches each '/'-separated level of the pattern against the
	// same level of the name.
	levels := strings.Split(got, "/")
	for _, c := range []struct {
		name string
		want bool
	}{
		{name, true},
		{"BenchmarkCORS/fw=gin/impl=gin-contrib-cors/req=allowed-52", false},
		{"BenchmarkCORS/fw=gin/impl=gin-contrib-corsx/req=allowed-2", false},
		{"BenchmarkCORSx/fw=gin/impl=gin-contrib-cors/req=allowed-2", false},
	} {
		parts := strings.Split(c.name, "/")
		match := len(parts) == len(levels)
		for i := 0; match && i < len(parts); i++ {
			match = regexp.MustCompile(levels[i]).MatchString(parts[i])
		}
		if match != c.want {
			t.Errorf("%s matches %s: %v, want %v", got, c.name, match, c.want)
		}
	}
}

func TestPatternQuotesMetacharacters(t *testing.T) {
	if got, want := pattern("BenchmarkX/a.b+(c)"), `^BenchmarkX$/^a\.b\+\(c\)$`; got != want {
		t.Errorf("pattern %q, want %q", got, want)
	}
}

func TestChooseN(t *testing.T) {
	for _, c := range []struct {
		ns   float64
		want int
	}{
		{1000, 30_000},    // 30 ms / 1 µs
		{300, 100_000},    // capped
		{20, 100_000},     // capped
		{185_000, 200},    // 162 would be too few
		{100_000, 300},    // 30 ms / 100 µs
		{3_000_000, 200},  // at least minN
		{333.3, 90_009},   // rounded
		{30_000, 1_000},   // 30 ms / 30 µs
		{1e9, minN},       // a second per request
		{0.5, maxN},       // half a nanosecond
		{150_000, minN},   // 200 exactly
		{299.99, maxN},    // just over the cap
		{300.01, 99_997},  // just under it
		{29_999.9, 1_000}, // rounds to 1,000
	} {
		if got := chooseN(c.ns, 30*time.Millisecond); got != c.want {
			t.Errorf("chooseN(%v ns) = %d, want %d", c.ns, got, c.want)
		}
	}
}

const raw = `run-date: 2026-11-28T10:38:34Z
goos: linux
BenchmarkCORS/fw=gin/impl=corskit/req=allowed-2         	 2000000	       500.0 ns/op	       510.0 cpu-ns/op	      48 B/op	       1 allocs/op
BenchmarkCORS/fw=gin/impl=corskit/req=allowed-2         	 2000000	       700.0 ns/op	       710.0 cpu-ns/op	      48 B/op	       1 allocs/op
BenchmarkCORS/fw=gin/impl=corskit/req=allowed-2         	 2000000	       600.0 ns/op	       610.0 cpu-ns/op	      48 B/op	       1 allocs/op
BenchmarkDecide/req=preflight-2 	 9000000	        40.00 ns/op
BenchmarkDecide/req=preflight-2 	 9000000	        50.00 ns/op
BenchmarkCORS/fw=gin/impl=corskit/req=allowed-2-2         	 2000000	       900.0 ns/op
BenchmarkOther-4	10	5 ns/op
PASS
`

func TestParseRaw(t *testing.T) {
	targets, runDate, err := parseRaw(strings.NewReader(raw), knownNames())
	if err != nil {
		t.Fatal(err)
	}
	if runDate != "2026-11-28T10:38:34Z" {
		t.Errorf("run date %q", runDate)
	}
	want := []target{
		// median of 500, 700, 600 and (the -2 suffix removed) 900
		{"BenchmarkCORS/fw=gin/impl=corskit/req=allowed-2", 650},
		{"BenchmarkDecide/req=preflight", 45},
		{"BenchmarkOther-4", 5}, // unknown: kept as it is
	}
	if len(targets) != len(want) {
		t.Fatalf("targets %v, want %v", targets, want)
	}
	for i := range want {
		if targets[i] != want[i] {
			t.Errorf("target %d: %v, want %v", i, targets[i], want[i])
		}
	}
}

func TestParseRawRejectsBadLines(t *testing.T) {
	for _, line := range []string{"BenchmarkX 10 5 allocs/op", "BenchmarkX 10 x ns/op", "BenchmarkX 10 0 ns/op"} {
		if _, _, err := parseRaw(strings.NewReader(line+"\n"), nil); err == nil {
			t.Errorf("no error for %q", line)
		}
	}
}

func TestKnownNames(t *testing.T) {
	known := knownNames()
	for _, name := range []string{"BenchmarkCORS/fw=gin/impl=corskit/req=preflight", "BenchmarkDecide/req=no-cors",
		"BenchmarkCORS/fw=fiber/impl=baseline/req=preflight-64k-commas"} {
		if !known[name] {
			t.Errorf("%s unknown", name)
		}
	}
}

func TestParseCollected(t *testing.T) {
	out := "==123== Callgrind, a call-graph generating cache profiler\n==123== Events    : Ir\n==123== Collected : 160970980\n==123== \n==123== I   refs:      160,970,980\n"
	got, err := parseCollected(out)
	if err != nil || got != 160970980 {
		t.Errorf("parseCollected = %d, %v", got, err)
	}
	if _, err := parseCollected("==1== error\n"); err == nil {
		t.Error("no error without a Collected line")
	}
}

func TestDifference(t *testing.T) {
	n, n3 := done{job: job{N: 1000}, Collected: 5_000_000}, done{job: job{N: 3000}, Collected: 9_000_000}
	for _, pair := range [][2]done{{n, n3}, {n3, n}} {
		if got, err := difference(pair[0], pair[1]); err != nil || got != 2000 {
			t.Errorf("difference = %v, %v, want 2000", got, err)
		}
	}
	if _, err := difference(n3, done{job: job{N: 1000}, Collected: 9_500_000}); err == nil {
		t.Error("no error when the longer run counted fewer instructions")
	}
}

func TestRan(t *testing.T) {
	out := "goos: linux\nBenchmarkDecide/req=preflight \t    3000\t  40 ns/op\nPASS\n"
	if !ran(out, "BenchmarkDecide/req=preflight", 3000) {
		t.Error("run not seen")
	}
	if ran(out, "BenchmarkDecide/req=preflight", 1000) || ran(out, "BenchmarkDecide/req=no-cors", 3000) {
		t.Error("wrong run seen")
	}
}

func TestFormat(t *testing.T) {
	h := header{date: time.Date(2026, 11, 28, 11, 0, 0, 0, time.UTC), runDate: "R", valgrind: "valgrind-3.19.0", native: 30 * time.Millisecond}
	got := string(format(h, []count{{Name: "BenchmarkDecide/req=preflight", Requests: 200_000, PerOp: 123.4}}))
	for _, want := range []string{"instructions-date: 2026-11-28T11:00:00Z\n", "instructions-of-run: R\n",
		"valgrind-3.19.0 --tool=callgrind", "\nBenchmarkDecide/req=preflight\t200000\t123 instr/op\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
