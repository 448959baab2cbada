package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/corskit/corskit/bench"
)

const sampleCSV = `goos: linux
,results/bench.txt,
,sec/op,CI
CORS/fw=fiber/impl=baseline/req=no-cors,2.0e-07,2%
CORS/fw=fiber/impl=corskit/req=no-cors,2.5e-07,∞
Decide/req=no-cors,1.5e-08,1%
geomean,1e-07,

,results/bench.txt,
,allocs/op,CI
CORS/fw=fiber/impl=baseline/req=no-cors,0,0%
CORS/fw=fiber/impl=corskit/req=no-cors,1,0%
Decide/req=no-cors,0,0%
geomean,,
`

func TestParseCSV(t *testing.T) {
	st, err := parseCSV(strings.NewReader(sampleCSV))
	if err != nil {
		t.Fatal(err)
	}
	got := st.CORS[Key{"fiber", "corskit", "no-cors"}]
	if math.Abs(got.NS-250) > 1e-6 || got.NSCI != "∞" || got.Allocs != 1 {
		t.Errorf("corskit: %+v", got)
	}
	if d := st.Decide["no-cors"]; math.Abs(d.NS-15) > 1e-6 || d.NSCI != "1%" {
		t.Errorf("Decide: %+v", d)
	}
	if len(st.CORS) != 2 {
		t.Errorf("%d CORS results, want 2", len(st.CORS))
	}
}

func TestParseCSVRejectsUnknownNames(t *testing.T) {
	_, err := parseCSV(strings.NewReader(",f,\n,sec/op,CI\nOther/x,1,2%\n"))
	if err == nil {
		t.Fatal("no error for an unknown benchmark")
	}
}

func TestParseConfig(t *testing.T) {
	cfg, err := parseConfig(strings.NewReader("run-date: today\ncpu: AMD EPYC\nBenchmarkX/a: 1\nPASS\ncpu: other\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg["run-date"] != "today" || cfg["cpu"] != "AMD EPYC" || len(cfg) != 2 {
		t.Errorf("config %v", cfg)
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{num(1234567), "1,234,567"}, {num(-1234), "-1,234"}, {num(0.94), "0.9"}, {num(12.6), "13"},
		{signed(12), "+12"}, {signed(-1500), "−1,500"}, {signed(0), "+0"},
		{ratio(1, 4), "0.25×"}, {ratio(1, 0), "n/a (≤ 0)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// synthetic returns results where every implementation of every framework
// costs base + extra[role] ns, with allocs[role] allocations.
func synthetic(extra map[bench.Role]float64, allocs map[bench.Role]float64) Stats {
	st := Stats{CORS: map[Key]Stat{}, Decide: map[string]Stat{}}
	for _, fw := range bench.Frameworks() {
		for _, im := range fw.Impls {
			for _, k := range bench.Kinds() {
				t := 1000 + extra[im.Role]
				st.CORS[Key{fw.Name, im.Name, k.Name}] = Stat{NS: t, CPU: t, Allocs: allocs[im.Role]}
			}
		}
	}
	for _, k := range bench.Kinds() {
		st.Decide[k.Name] = Stat{NS: 20, CPU: 20}
	}
	return st
}

// withInstructions sets the instruction counts of st as cmd/instructions
// would: every implementation executes 3000 + extra[role] instructions per
// request, Decide 100.
func withInstructions(st Stats, extra map[bench.Role]float64) Stats {
	for _, fw := range bench.Frameworks() {
		for _, im := range fw.Impls {
			for _, k := range bench.Kinds() {
				key := Key{fw.Name, im.Name, k.Name}
				s := st.CORS[key]
				s.Instr = 3000 + extra[im.Role]
				st.CORS[key] = s
			}
		}
	}
	for k, s := range st.Decide {
		s.Instr = 100
		st.Decide[k] = s
	}
	return st
}

func TestTargetsMet(t *testing.T) {
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	for _, v := range newAnalysis(st).with(cpuNS).targets() {
		if v.Checked == 0 || len(v.Misses) > 0 {
			t.Errorf("%s: %d checked, misses %v", v.Target, v.Checked, v.Misses)
		}
	}
}

func TestTargetsMissed(t *testing.T) {
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 200, bench.Corskit: 160},
		map[bench.Role]float64{bench.Corskit: 1})
	st.CORS[Key{"gin", "corskit", "allowed-52"}] = Stat{NS: 1500, Allocs: 1}
	st.CORS[Key{"gin", "corskit", "preflight-64k-commas"}] = Stat{NS: 5000, Allocs: 1}
	st.Decide["preflight"] = Stat{NS: 20, Allocs: 1}
	for _, v := range newAnalysis(st).targets() {
		if len(v.Misses) == 0 {
			t.Errorf("%s: met", v.Target)
		}
	}
}

func TestReport(t *testing.T) {
	var buf bytes.Buffer
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	ok, err := write(&buf, newAnalysis(st), map[string]string{"cpu": "test CPU"}, "v0")
	if err != nil || !ok {
		t.Fatalf("write: %v, behaviour ok %v", err, ok)
	}
	for _, want := range []string{"| CPU | test CPU |", "| **met** | **met** |", "+120 (+120) · +0", "## fiber", "**met**", "| nethttp corskit", "## Header slices shared"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestVaryFloorEvidence: a request answered with Vary alone is bounded by
// the vary floor, an allowed one by the floor.
func TestVaryFloorEvidence(t *testing.T) {
	st := synthetic(map[bench.Role]float64{bench.Floor: 300, bench.VaryFloor: 150, bench.Native: 200, bench.Corskit: 160}, nil)
	a := newAnalysis(st)
	for _, c := range []struct {
		req, want string
	}{
		{"no-cors", "; vary-floor +150 ns, +0 allocs — the vary-floor itself exceeds the bound"},
		{"disallowed", "; vary-floor +150 ns, +0 allocs — the vary-floor itself exceeds the bound"},
		{"allowed-2", "; floor +300 ns, +0 allocs — the floor itself exceeds the bound"},
		{"preflight-64k-commas", "; floor +300 ns, +0 allocs;"},
	} {
		_, _, ok, ev := a.halfNative("gin", kind(t, c.req))
		if ok || !strings.Contains(ev, c.want) {
			t.Errorf("%s: met %v, evidence %q, want %q in it", c.req, ok, ev, c.want)
		}
	}
}

func kind(t *testing.T, name string) bench.Kind {
	for _, k := range bench.Kinds() {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("no kind %s", name)
	return bench.Kind{}
}
