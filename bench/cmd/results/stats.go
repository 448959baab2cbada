package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Key names one benchmark of BenchmarkCORS.
type Key struct{ FW, Impl, Req string }

// A Stat is benchstat's summary of one benchmark: medians, and the 95%
// confidence intervals of the times as benchstat prints them ("3%", "∞").
// CPU is the process's CPU time per request (cpu-ns/op), 0 if unknown;
// Instr the instructions per request (instr/op, from cmd/instructions),
// 0 if not measured.
type Stat struct {
	NS, CPU     float64
	Instr       float64
	NSCI, CPUCI string
	Bytes       float64
	Allocs      float64
}

// Stats holds every summary of a run.
type Stats struct {
	CORS   map[Key]Stat
	Decide map[string]Stat // by request kind
}

// parseCSV reads the output of `benchstat -format csv` for one input file:
// one table per unit, each row "name,center,CI".
func parseCSV(r io.Reader) (Stats, error) {
	s := Stats{CORS: map[Key]Stat{}, Decide: map[string]Stat{}}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	unit := ""
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return s, err
		}
		if len(rec) == 3 && rec[0] == "" && rec[2] == "CI" {
			unit = rec[1]
			continue
		}
		if len(rec) != 3 || rec[0] == "" || rec[0] == "geomean" {
			continue
		}
		if err := s.add(unit, rec[0], rec[1], rec[2]); err != nil {
			return s, err
		}
	}
}

func (s Stats) add(unit, name, value, ci string) error {
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return fmt.Errorf("benchmark %s: %s %q: %v", name, unit, value, err)
	}
	set := func(st *Stat) error {
		switch unit {
		case "sec/op":
			st.NS, st.NSCI = v*1e9, ci
		case "cpu-sec/op":
			st.CPU, st.CPUCI = v*1e9, ci
		case "B/op":
			st.Bytes = v
		case "allocs/op":
			st.Allocs = v
		case "instr/op":
			st.Instr = v
		default:
			return fmt.Errorf("benchmark %s: unknown unit %q", name, unit)
		}
		return nil
	}
	if req, ok := strings.CutPrefix(name, "Decide/req="); ok {
		st := s.Decide[req]
		err = set(&st)
		s.Decide[req] = st
		return err
	}
	k, ok := parseKey(name)
	if !ok {
		return fmt.Errorf("unexpected benchmark name %q", name)
	}
	st := s.CORS[k]
	err = set(&st)
	s.CORS[k] = st
	return err
}

// parseKey parses "CORS/fw=F/impl=I/req=R".
func parseKey(name string) (Key, bool) {
	parts := strings.Split(name, "/")
	if len(parts) != 4 || parts[0] != "CORS" {
		return Key{}, false
	}
	fw, ok1 := strings.CutPrefix(parts[1], "fw=")
	impl, ok2 := strings.CutPrefix(parts[2], "impl=")
	req, ok3 := strings.CutPrefix(parts[3], "req=")
	return Key{fw, impl, req}, ok1 && ok2 && ok3
}

// parseConfig returns the "key: value" configuration lines of a raw
// benchmark output (goos, cpu, and those the Makefile adds), first value
// of each key.
func parseConfig(r io.Reader) (map[string]string, error) {
	cfg := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "Benchmark") {
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		if !ok || k == "" || strings.ContainsAny(k, " \t") || k[0] < 'a' || k[0] > 'z' {
			continue
		}
		if _, seen := cfg[k]; !seen {
			cfg[k] = strings.TrimSpace(v)
		}
	}
	return cfg, sc.Err()
}

// addInstructions reads the output of cmd/instructions into s: one line
// "BenchmarkNAME requests VALUE instr/op" per benchmark. It returns the
// output's configuration lines.
func (s Stats) addInstructions(r io.Reader) (map[string]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	for line := range strings.Lines(string(data)) {
		name, ok := strings.CutPrefix(line, "Benchmark")
		if !ok {
			continue
		}
		f := strings.Fields(name)
		if len(f) != 4 || f[3] != "instr/op" {
			return nil, fmt.Errorf("not an instruction count: %q", strings.TrimSpace(line))
		}
		if err := s.add("instr/op", f[0], f[2], ""); err != nil {
			return nil, err
		}
	}
	return parseConfig(bytes.NewReader(data))
}
