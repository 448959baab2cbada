package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.txt")
	raw := "run-date: D\nloadavg-end: 1\ncpu: X\nBenchmarkA/x=1 \t 10\t 5.0 ns/op\t 2 allocs/op\n" +
		"BenchmarkA/x=1 \t 10\t 9.0 ns/op\t 2 allocs/op\nBenchmarkB \t 4\t 120 instr/op\nBenchmarkA/x=1 \t 10\t 6.0 ns/op\t 2 allocs/op\n" +
		"PASS\nloadavg-end: 2\n"
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := parseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if ns, _ := r.get("BenchmarkA/x=1", "ns/op"); ns != 6 {
		t.Errorf("median ns/op %v, want 6", ns)
	}
	if v, ok := r.get("BenchmarkB", "instr/op"); !ok || v != 120 {
		t.Errorf("instr/op %v %v", v, ok)
	}
	if len(r.names) != 2 || r.config["run-date"] != "D" || r.config["loadavg-end"] != "2" || r.config["cpu"] != "X" {
		t.Errorf("names %v, config %v", r.names, r.config)
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1.5: "1.5", 1234567: "1,234,567", -2500: "−2,500", 999.6: "1,000"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}
