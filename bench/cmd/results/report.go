package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/corskit/corskit/bench"
)

// md writes Markdown, remembering the first write error.
type md struct {
	w   io.Writer
	err error
}

func (m *md) f(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// s writes text as it is.
func (m *md) s(text string) {
	if m.err == nil {
		_, m.err = io.WriteString(m.w, text)
	}
}

func (m *md) row(cells ...string) {
	m.f("| %s |\n", strings.Join(cells, " | "))
}

// header starts a table whose columns after the first hold figures.
func (m *md) header(cells ...string) {
	m.row(cells...)
	seps := make([]string, len(cells))
	for i := range seps {
		seps[i] = "---:"
	}
	seps[0] = "---"
	m.row(seps...)
}

// textHeader starts a table of text.
func (m *md) textHeader(cells ...string) {
	m.row(cells...)
	seps := make([]string, len(cells))
	for i := range seps {
		seps[i] = "---"
	}
	m.row(seps...)
}

func (m *md) targets(a analysis) {
	m.f("## Targets of issue 5\n\n")
	byWall := a.targets()
	var byCPU []verdict
	if a.hasCPU() {
		byCPU = a.withCPU().targets()
	}
	m.textHeader("target", "by ns/op", "by cpu-ns/op", "cases (ns/op)")
	for i, v := range byWall {
		cpu := "not measured"
		if byCPU != nil {
			cpu = result(byCPU[i])
		}
		m.row(v.Target, result(v), cpu, fmt.Sprintf("%d checked, %d missed, %d unmeasured", v.Checked, len(v.Misses), len(v.Unmeasured)))
	}
	m.f("\ncpu-ns/op is the CPU time the process used per request: it leaves out the time the benchmark waited for a CPU, ")
	m.f("but not the slowdown a busy neighbour (another hardware thread of the same core) causes. ")
	m.f("Each benchmark's samples are taken one after another, so a disturbance shifts all of them: ")
	m.f("differences of the size of the ± intervals are noise, whichever column.\n\n")
	m.misses("by ns/op", byWall)
	m.misses("by cpu-ns/op", byCPU)
}

func result(v verdict) string {
	switch {
	case v.Checked == 0:
		return "not measured"
	case len(v.Misses) > 0:
		return "**missed**"
	case len(v.Unmeasured) > 0:
		return "met where measured"
	}
	return "**met**"
}

// misses lists, for each target, the cases that missed it.
func (m *md) misses(title string, vs []verdict) {
	if len(vs) == 0 {
		return
	}
	m.f("<details><summary>Cases that missed a target, %s</summary>\n\n", title)
	for _, v := range vs {
		if len(v.Misses) == 0 && len(v.Unmeasured) == 0 {
			continue
		}
		m.f("**%s**\n\n", v.Target)
		for _, miss := range v.Misses {
			m.f("- %s\n", miss)
		}
		if len(v.Unmeasured) > 0 {
			m.f("- not measured: %s\n", strings.Join(v.Unmeasured, ", "))
		}
		m.f("\n")
	}
	m.f("</details>\n\n")
}

func (m *md) framework(a analysis, fw bench.Framework) {
	m.f("## %s\n\n", fw.Name)
	m.f("Medians of ns/op (±95%% confidence interval) (cpu-ns/op) · B/op · allocs/op.\n\n")
	cols := []string{"request"}
	for _, im := range fw.Impls {
		cols = append(cols, label(im))
	}
	m.header(cols...)
	for _, k := range a.kinds {
		cells := []string{k.Title}
		for _, im := range fw.Impls {
			cells = append(cells, cell(a.stat(fw.Name, im.Name, k.Name)))
		}
		m.row(cells...)
	}
	m.f("\nOverhead over the baseline: ns/op (cpu-ns/op) · allocs/op; and corskit's overhead divided by the best native's and by the floor's, by ns/op (by cpu-ns/op).\n\n")
	cols = []string{"request"}
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

func cell(s Stat, ok bool) string {
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%s%s%s · %s · %s", num(s.NS), ci(s.NSCI), cpuPart(s), num(s.Bytes), num(s.Allocs))
}

func (a analysis) overheadRow(fw bench.Framework, k bench.Kind) []string {
	cells := []string{k.Title}
	for _, im := range fw.Impls {
		if im.Role == bench.Baseline {
			continue
		}
		o, ok := a.overhead(fw.Name, im.Name, k.Name)
		if !ok {
			cells = append(cells, "—")
			continue
		}
		cells = append(cells, signed(o.NS)+a.alsoCPU(func(c analysis) string {
			oc, _ := c.overhead(fw.Name, im.Name, k.Name)
			return signed(oc.NS)
		})+" · "+signed(o.Allocs))
	}
	return append(cells, a.ratios(fw.Name, k.Name)...)
}

// alsoCPU returns " (cpu X)" with X computed on CPU times, if measured.
func (a analysis) alsoCPU(f func(analysis) string) string {
	if a.cpu || !a.hasCPU() {
		return ""
	}
	return " (" + f(a.withCPU()) + ")"
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
		return ratio(c.NS, best.NS)
	}
	vsFloor := func(a analysis) string {
		c, okC := a.overhead(fw, a.one(fw, bench.Corskit), req)
		f, okF := a.overhead(fw, a.one(fw, bench.Floor), req)
		if !okC || !okF {
			return "—"
		}
		return ratio(c.NS, f.NS)
	}
	name, _, _, _ := a.bestNative(fw, req)
	return []string{vsBest(a) + a.alsoCPU(vsBest) + ", " + name, vsFloor(a) + a.alsoCPU(vsFloor)}
}

func (m *md) decide(a analysis) {
	m.f("## The core's Decide alone\n\n")
	m.header("request", "ns/op (cpu-ns/op)", "B/op", "allocs/op")
	for _, k := range a.kinds {
		s, ok := a.st.Decide[k.Name]
		if !ok {
			m.row(k.Title, "—", "—", "—")
			continue
		}
		m.row(k.Title, num(s.NS)+ci(s.NSCI)+cpuPart(s), num(s.Bytes), num(s.Allocs))
	}
	m.f("\n")
}
