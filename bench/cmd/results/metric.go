package main

// A metric is the cost per request that an analysis compares.
type metric int

// The metrics.
const (
	// wallNS is the elapsed time per request (ns/op).
	wallNS metric = iota
	// cpuNS is the process's CPU time per request (cpu-ns/op).
	cpuNS
	// instrs is the instructions executed per request (instr/op), counted
	// by cmd/instructions under callgrind.
	instrs
)

// of returns the metric's value in s, 0 if it was not measured.
func (m metric) of(s Stat) float64 {
	switch m {
	case cpuNS:
		return s.CPU
	case instrs:
		return s.Instr
	}
	return s.NS
}

// unit names the metric's unit in evidence ("+120 ns").
func (m metric) unit() string {
	if m == instrs {
		return "instr"
	}
	return "ns"
}

// column names the metric in a column heading.
func (m metric) column() string {
	switch m {
	case cpuNS:
		return "cpu-ns/op"
	case instrs:
		return "instructions"
	}
	return "ns/op"
}
