package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corskit/corskit/bench"
)

const sampleInstructions = `instructions-date: 2026-11-28T11:00:00Z
instructions-of-run: 2026-11-28T10:38:34Z
instructions-method: valgrind-3.19.0 --tool=callgrind, GOGC=off
BenchmarkCORS/fw=fiber/impl=baseline/req=no-cors	200000	1500 instr/op
BenchmarkCORS/fw=fiber/impl=corskit/req=no-cors	200000	1620 instr/op
BenchmarkDecide/req=no-cors	200000	110 instr/op
`

func TestAddInstructions(t *testing.T) {
	st, err := parseCSV(strings.NewReader(sampleCSV))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := st.addInstructions(strings.NewReader(sampleInstructions))
	if err != nil {
		t.Fatal(err)
	}
	got := st.CORS[Key{"fiber", "corskit", "no-cors"}]
	if got.Instr != 1620 || got.NSCI != "∞" || got.Allocs != 1 {
		t.Errorf("corskit: %+v (the counts must join the timing run's figures)", got)
	}
	if d := st.Decide["no-cors"]; d.Instr != 110 || d.NSCI != "1%" {
		t.Errorf("Decide: %+v", d)
	}
	if len(st.CORS) != 2 {
		t.Errorf("%d CORS results, want 2", len(st.CORS))
	}
	if cfg["instructions-of-run"] != "2026-11-28T10:38:34Z" || !strings.HasPrefix(cfg["instructions-method"], "valgrind-3.19.0") {
		t.Errorf("config %v", cfg)
	}
}

func TestAddInstructionsRejectsBadLines(t *testing.T) {
	for _, line := range []string{
		"BenchmarkCORS/fw=gin/impl=corskit/req=preflight 100 4948 ns/op",
		"BenchmarkCORS/fw=gin/impl=corskit/req=preflight 100 x instr/op",
		"BenchmarkCORS/fw=gin/impl=corskit/req=preflight 4948 instr/op",
		"BenchmarkOther/x 100 4948 instr/op",
	} {
		st := Stats{CORS: map[Key]Stat{}, Decide: map[string]Stat{}}
		if _, err := st.addInstructions(strings.NewReader(line + "\n")); err == nil {
			t.Errorf("no error for %q", line)
		}
	}
}

// verdicts returns whether each target is met, by target.
func verdicts(vs []verdict) map[string]bool {
	met := map[string]bool{}
	for _, v := range vs {
		met[v.Target] = v.Met()
	}
	return met
}

func TestTargetsByInstructions(t *testing.T) {
	// By ns/op corskit meets every target; by instructions its overhead
	// (900) is more than half the natives' (1,000) and 1.5× the floor's
	// (500), and on gin origin #52 costs 10% more than #2.
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	st = withInstructions(st, map[bench.Role]float64{bench.Floor: 500, bench.Native: 1000, bench.Corskit: 900})
	s := st.CORS[Key{"gin", "corskit", "allowed-52"}]
	s.Instr = 1.1 * (3000 + 900)
	st.CORS[Key{"gin", "corskit", "allowed-52"}] = s
	a := newAnalysis(st)
	byNS, byInstr := verdicts(a.targets()), a.with(instrs).targets()
	missed := map[string]bool{
		"overhead at most half the best native's, on every framework and request kind":  true,
		"overhead within 1.5× the floor's for allowed requests":                         true,
		"allowed GET from origin #52 costs the same as from #2 (±5%, same allocations)": true,
	}
	for _, v := range byInstr {
		if !byNS[v.Target] {
			t.Errorf("%s: missed by ns/op", v.Target)
		}
		if v.Met() == missed[v.Target] {
			t.Errorf("%s: met by instructions %v, want %v (misses %v)", v.Target, v.Met(), !missed[v.Target], v.Misses)
		}
	}
	if v := byInstr[3]; len(v.Misses) != 1 || !strings.HasPrefix(v.Misses[0], "gin: #2 3,900 instr") {
		t.Errorf("#52 misses %v, want gin's alone, in instructions", v.Misses)
	}
}

func TestSameOriginToleranceByInstructions(t *testing.T) {
	for _, c := range []struct {
		factor float64
		met    bool
	}{{1.04, true}, {0.96, true}, {1.06, false}, {0.94, false}} {
		st := withInstructions(synthetic(nil, nil), nil)
		s := st.CORS[Key{"echo", "corskit", "allowed-52"}]
		s.Instr *= c.factor
		st.CORS[Key{"echo", "corskit", "allowed-52"}] = s
		if v := newAnalysis(st).with(instrs).targets()[3]; v.Met() != c.met {
			t.Errorf("#52 at %.2f× #2: met %v, want %v (%v)", c.factor, v.Met(), c.met, v.Misses)
		}
	}
}

func TestTargetsByInstructionsUnmeasured(t *testing.T) {
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	for _, v := range newAnalysis(st).with(instrs).targets() {
		if v.Checked != 0 || v.Met() {
			t.Errorf("%s: %d checked without instruction counts", v.Target, v.Checked)
		}
	}
	if got := newAnalysis(st).targetsBy(instrs); got != nil {
		t.Errorf("verdicts by instructions without counts: %v", got)
	}
}

func TestReportWithoutInstructions(t *testing.T) {
	var buf bytes.Buffer
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	if _, err := write(&buf, newAnalysis(st), map[string]string{}, "v0"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"| by ns/op | by cpu-ns/op | by instructions |", "| **met** | **met** | not measured |",
		"The instruction counts were not measured", "apt-get install -y valgrind"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, unwanted := range []string{"| **met** | **met** | **met** |", "Instructions per request (instr/op)", "by instructions</summary>"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("report has %q without instruction counts", unwanted)
		}
	}
}

func TestReportWithInstructions(t *testing.T) {
	var buf bytes.Buffer
	st := synthetic(map[bench.Role]float64{bench.Floor: 100, bench.Native: 400, bench.Corskit: 120}, nil)
	st = withInstructions(st, map[bench.Role]float64{bench.Floor: 500, bench.VaryFloor: 200, bench.Native: 1000, bench.Corskit: 900})
	cfg := map[string]string{"run-date": "R1", "instructions-method": "callgrind", "instructions-date": "D", "instructions-of-run": "R0"}
	if _, err := write(&buf, newAnalysis(st), cfg, "v0"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"| overhead within 1.5× the floor's for allowed requests | **met** | **met** | **missed** |",
		"| Decide in the core: 0 allocs/op for every request kind | **met** | **met** | **met** |",
		"<details><summary>Cases that missed a target, by instructions</summary>",
		"- gin · allowed-2: corskit +900 instr vs floor +500 instr",
		"Instructions per request (instr/op).",
		"| allowed GET, origin #2 of 52 | 3,000 | 3,500 | 3,200 | 4,000 | 4,000 | 3,900 |", // nethttp
		"| allowed GET, origin #2 of 52 | +500 | +200 | +1,000 | +1,000 | +900 | 0.90×, rs-cors | 1.80× |",
		"| non-CORS GET | 20 (cpu 20) | 100 | 0 | 0 |", // Decide
		"| instructions | callgrind; counted at D, for the benchmarks of the run of R0 (not this run) |",
		"the figure to trust",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
