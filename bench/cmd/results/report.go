package main

import (
	"fmt"
	"io"
	"strings"
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
	byWall, byCPU, byInstr := a.targets(), a.targetsBy(cpuNS), a.targetsBy(instrs)
	m.textHeader("target", "by "+wallNS.column(), "by "+cpuNS.column(), "by "+instrs.column(), "cases (ns/op)")
	for i, v := range byWall {
		m.row(v.Target, result(v), resultAt(byCPU, i), resultAt(byInstr, i),
			fmt.Sprintf("%d checked, %d missed, %d unmeasured", v.Checked, len(v.Misses), len(v.Unmeasured)))
	}
	m.f("\ncpu-ns/op is the CPU time the process used per request: it leaves out the time the benchmark waited for a CPU, ")
	m.f("but not the slowdown a busy neighbour (another hardware thread of the same core) causes. ")
	m.f("The run line above says how the samples were spread: with one round, each benchmark's samples are taken one after another, ")
	m.f("so a disturbance shifts them all; with several rounds, it shifts one sample of each benchmark. ")
	m.f("Differences of the size of the ± intervals are noise, in either time column.\n\n")
	if byInstr == nil {
		m.f("The instruction counts were not measured (valgrind is not installed: `apt-get install -y valgrind`, then `make -C bench instructions report`).\n\n")
	} else {
		m.f("By instructions, the same checks compare instructions per request (see How it is measured) instead of ns/op; ")
		m.f("they do not change with the machine's load, so this column is the one to trust for comparisons on a noisy machine, ")
		m.f("while the targets themselves are stated in ns/op. Allocations (allocs/op) come from the timing run in every column.\n\n")
	}
	m.misses("by ns/op", byWall)
	m.misses("by cpu-ns/op", byCPU)
	m.misses("by instructions", byInstr)
}

// targetsBy returns the verdicts on metric m, nil if m was not measured.
func (a analysis) targetsBy(m metric) []verdict {
	if !a.has(m) {
		return nil
	}
	return a.with(m).targets()
}

// resultAt formats verdict i of vs, which is nil when not measured.
func resultAt(vs []verdict, i int) string {
	if vs == nil {
		return "not measured"
	}
	return result(vs[i])
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
