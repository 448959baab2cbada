package main

import (
	"fmt"

	"github.com/corskit/corskit/bench"
)

// framework writes a framework's tables: the medians and the overheads by
// ns/op, then, if measured, by instructions.
func (m *md) framework(a analysis, fw bench.Framework) {
	m.f("## %s\n\n", fw.Name)
	m.f("Medians of ns/op (±95%% confidence interval) (cpu-ns/op) · B/op · allocs/op.\n\n")
	m.figures(a, fw, func(s Stat) string {
		return fmt.Sprintf("%s%s%s · %s · %s", num(s.NS), ci(s.NSCI), cpuPart(s), num(s.Bytes), num(s.Allocs))
	})
	m.f("\nOverhead over the baseline: ns/op (cpu-ns/op) · allocs/op; and corskit's overhead divided by the best native's and by the floor's, by ns/op (by cpu-ns/op).\n\n")
	m.overheads(a, fw)
	ai := a.with(instrs)
	if !ai.measured(fw) {
		return
	}
	m.f("Instructions per request (instr/op).\n\n")
	m.figures(ai, fw, func(s Stat) string { return num(s.Instr) })
	m.f("\nOverhead over the baseline in instructions per request; and corskit's overhead divided by the best native's and by the floor's, by instructions.\n\n")
	m.overheads(ai, fw)
}

// figures writes a table of each implementation's figures for each kind,
// as format makes them from the summary.
func (m *md) figures(a analysis, fw bench.Framework, format func(Stat) string) {
	cols := []string{"request"}
	for _, im := range fw.Impls {
		cols = append(cols, label(im))
	}
	m.header(cols...)
	for _, k := range a.kinds {
		cells := []string{k.Title}
		for _, im := range fw.Impls {
			s, ok := a.stat(fw.Name, im.Name, k.Name)
			cell := "—"
			if ok {
				cell = format(s)
			}
			cells = append(cells, cell)
		}
		m.row(cells...)
	}
}

// overheads writes the table of overheads over the baseline and of
// corskit's ratios, in the analysis's metric.
func (m *md) overheads(a analysis, fw bench.Framework) {
	cols := []string{"request"}
	for _, im := range fw.Impls[1:] {
		cols = append(cols, im.Name)
	}
	m.header(append(cols, "corskit / best native", "corskit / floor")...)
	for _, k := range a.kinds {
		m.row(a.overheadRow(fw, k)...)
	}
	m.f("\n")
}

// label names an implementation with its role, unless that is its name.
func label(im bench.Impl) string {
	if im.Name == string(im.Role) {
		return im.Name
	}
	return im.Name + " (" + string(im.Role) + ")"
}

// cpuPart formats the CPU time of s, if measured.
func cpuPart(s Stat) string {
	if s.CPU == 0 {
		return ""
	}
	return " (cpu " + num(s.CPU) + ")"
}

func (a analysis) overheadRow(fw bench.Framework, k bench.Kind) []string {
	cells := []string{k.Title}
	for _, im := range fw.Impls {
		if im.Role != bench.Baseline {
			cells = append(cells, a.overheadCell(fw.Name, im.Name, k.Name))
		}
	}
	return append(cells, a.ratios(fw.Name, k.Name)...)
}

// overheadCell formats an implementation's overhead: by ns/op, also by
// cpu-ns/op and allocs/op; by instructions, alone.
func (a analysis) overheadCell(fw, impl, req string) string {
	o, ok := a.overhead(fw, impl, req)
	if !ok {
		return "—"
	}
	if a.metric == instrs {
		return signed(o.Cost)
	}
	return signed(o.Cost) + a.alsoCPU(func(c analysis) string {
		oc, _ := c.overhead(fw, impl, req)
		return signed(oc.Cost)
	}) + " · " + signed(o.Allocs)
}

// alsoCPU returns " (X)" with X computed on CPU times, for an analysis by
// ns/op of a run that measured them.
func (a analysis) alsoCPU(f func(analysis) string) string {
	if a.metric != wallNS || !a.has(cpuNS) {
		return ""
	}
	return " (" + f(a.with(cpuNS)) + ")"
}

// ratios returns corskit's overhead over the best native's and over the
// floor's.
func (a analysis) ratios(fw, req string) []string {
	vsBest := func(a analysis) string {
		c, okC := a.overhead(fw, a.one(fw, bench.Corskit), req)
		_, best, _, okB := a.bestNative(fw, req)
		if !okC || !okB {
			return "—"
		}
		return ratio(c.Cost, best.Cost)
	}
	vsFloor := func(a analysis) string {
		c, okC := a.overhead(fw, a.one(fw, bench.Corskit), req)
		f, okF := a.overhead(fw, a.one(fw, bench.Floor), req)
		if !okC || !okF {
			return "—"
		}
		return ratio(c.Cost, f.Cost)
	}
	name, _, _, _ := a.bestNative(fw, req)
	return []string{vsBest(a) + a.alsoCPU(vsBest) + ", " + name, vsFloor(a) + a.alsoCPU(vsFloor)}
}

func (m *md) decide(a analysis) {
	m.f("## The core's Decide alone\n\n")
	m.header("request", "ns/op (cpu-ns/op)", "instr/op", "B/op", "allocs/op")
	for _, k := range a.kinds {
		s, ok := a.st.Decide[k.Name]
		if !ok {
			m.row(k.Title, "—", "—", "—", "—")
			continue
		}
		instr := "—"
		if s.Instr > 0 {
			instr = num(s.Instr)
		}
		m.row(k.Title, num(s.NS)+ci(s.NSCI)+cpuPart(s), instr, num(s.Bytes), num(s.Allocs))
	}
	m.f("\n")
}

// measured reports whether fw has a figure in the analysis's metric.
func (a analysis) measured(fw bench.Framework) bool {
	for _, im := range fw.Impls {
		for _, k := range a.kinds {
			if _, ok := a.stat(fw.Name, im.Name, k.Name); ok {
				return true
			}
		}
	}
	return false
}
