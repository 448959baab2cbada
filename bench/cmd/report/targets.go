package main

import (
	"fmt"
	"strings"

	"github.com/corskit/corskit/bench"
)

// preflightReference is corskit's instructions per allowed preflight in
// RESULTS.md at commit 5300fee (make bench at 3bfe593), before the core's
// redesign: the preflight target allows 10% more.
var preflightReference = map[string]float64{
	"nethttp": 2550, "chi": 3498, "gin": 3097, "echo": 3393, "fiber": 3734,
}

// A target is one of the project's targets and its cases.
type target struct {
	text  string
	cases []check
	notes []string // cases that could not be checked, and why
}

// A check is one case of a target: value must be at most bound.
type check struct {
	what         string
	value, bound float64
	unit         string
}

func (c check) met() bool { return c.value <= c.bound }

// margin is how close the value comes to its bound, relative to the bound.
func (c check) margin() float64 { return (c.value - c.bound) / max(c.bound, 1) }

func (c check) String() string {
	return fmt.Sprintf("%s: %s, at most %s %s", c.what, num(c.value), num(c.bound), c.unit)
}

// A fig is a figure, and whether it was measured.
type fig struct {
	v  float64
	ok bool
}

func (f fig) minus(g fig) fig { return fig{f.v - g.v, f.ok && g.ok} }

// add adds the case "value at most factor × bound" if both are measured.
func (t *target) add(what string, value fig, factor float64, bound fig, unit string) {
	if value.ok && bound.ok {
		t.cases = append(t.cases, check{what, value.v, factor * bound.v, unit})
	}
}

// summary says whether the target is met, and lists the cases missed or,
// when all are met, the one closest to its bound; then the notes.
func (t target) summary() (result, figures string) {
	var out []string
	var closest *check
	for i, c := range t.cases {
		if !c.met() {
			out = append(out, "✗ "+c.String())
		} else if closest == nil || c.margin() > closest.margin() {
			closest = &t.cases[i]
		}
	}
	switch {
	case len(t.cases) == 0:
		result = "**not measured**"
	case out != nil:
		result = fmt.Sprintf("**not met** (%d of %d cases)", len(out), len(t.cases))
	default:
		result = fmt.Sprintf("met (%d cases)", len(t.cases))
		out = []string{"closest: " + closest.String()}
	}
	return result, strings.Join(append(out, t.notes...), "<br>")
}

// targets evaluates the project's targets.
func (d *data) targets() []target {
	in := func(name string) fig { v, ok := d.instr.get(name, "instr/op"); return fig{v, ok} }
	timing := func(name, unit string) fig { v, ok := d.timing.get(name, unit); return fig{v, ok} }
	best := target{text: "On every framework and request kind, corskit costs no more than the best native middleware that answers correctly"}
	floor := target{text: "An allowed GET costs at most 1.35× the floor's overhead"}
	preflight := target{text: "An allowed preflight costs at most its cost before the core's redesign (5300fee) + 10%"}
	alloc := target{text: "Decide allocates nothing; Fiber (v2, v3) allocates nothing per request; net/http-based frameworks at most one allocation"}
	origin52 := target{text: "Origin #52 costs what origin #2 costs (within 2%)"}
	hostile := target{text: "Hostile preflights (1,000 names, 64 KiB of commas) cost no more than a rejected one"}
	for _, fw := range d.fws {
		ck := func(kind string) fig { return in(cors(fw.Name, "corskit", kind)) }
		base := func(kind string) fig { return in(cors(fw.Name, "baseline", kind)) }
		var noNative []string
		for _, k := range d.kinds {
			bestNative := fig{}
			for _, im := range fw.Impls {
				name := cors(fw.Name, im.Name, k.Name)
				if nv := in(name); nv.ok && im.Role == bench.Native && d.wrong[name] == nil && (!bestNative.ok || nv.v < bestNative.v) {
					bestNative = nv
				}
			}
			best.add(fw.Name+" · "+k.Name, ck(k.Name), 1, bestNative, "instr")
			if !bestNative.ok {
				noNative = append(noNative, k.Name)
			}
			allocs := func(impl string) fig {
				return timing(cors(fw.Name, impl, k.Name), "allocs/op").minus(timing(cors(fw.Name, "baseline", k.Name), "allocs/op"))
			}
			bound := fig{1, true}
			if strings.HasPrefix(fw.Name, "fiber") {
				bound.v = 0
			}
			alloc.add(fmt.Sprintf("%s · %s (vary-floor %s)", fw.Name, k.Name, signed(allocs("vary-floor").v)), allocs("corskit"), 1, bound, "allocs over the baseline")
		}
		if noNative != nil {
			best.notes = append(best.notes, fw.Name+", no native answers correctly: "+strings.Join(noNative, ", "))
		}
		for _, kind := range []string{"allowed-2", "allowed-52"} {
			floor.add(fw.Name+" · "+kind+" overhead", ck(kind).minus(base(kind)), 1.35, in(cors(fw.Name, "floor", "allowed-2")).minus(base(kind)), "instr")
		}
		ref, found := preflightReference[fw.Name]
		preflight.add(fw.Name, ck("preflight"), 1.1, fig{ref, found}, "instr")
		if !found {
			preflight.notes = append(preflight.notes, fw.Name+": no reference (new framework)")
		}
		origin52.add(fw.Name, ck("allowed-52"), 1.02, ck("allowed-2"), "instr")
		hostile.add(fw.Name+" · 1000-names", ck("preflight-1000-names"), 1, ck("preflight-rejected"), "instr")
		hostile.add(fw.Name+" · 64k-commas", ck("preflight-64k-commas"), 1, ck("preflight-rejected"), "instr")
	}
	for _, k := range d.kinds {
		alloc.add("Decide · "+k.Name, timing("BenchmarkDecide/req="+k.Name, "allocs/op"), 1, fig{0, true}, "allocs")
	}
	forms := target{text: "One subdomain pattern, and an AllowOriginRegex, cost at most rs/cors's instructions for the same request"}
	for _, form := range []string{"subdomain", "regex"} {
		forms.add(form, in("BenchmarkOriginForm/form="+form+"/impl=corskit"), 1, in("BenchmarkOriginForm/form="+form+"/impl=rs-cors"), "instr")
	}
	build := target{text: "10,000 exact origins: corskit's New and Update within 2× rs/cors's New (time, allocated bytes); at most 40 bytes kept per origin"}
	const rs = "BenchmarkBuild/impl=rs-cors/op=New"
	for _, op := range []string{"New", "Update"} {
		name := "BenchmarkBuild/impl=corskit/op=" + op
		build.add(op+" time", in(name), 2, in(rs), "instr")
		build.add(op+" allocated", timing(name, "B/op"), 2, timing(rs, "B/op"), "B")
	}
	build.add("kept per origin", timing("BenchmarkBuild/impl=corskit/op=New", "kept-B/origin"), 1, fig{40, true}, "B")
	return []target{best, floor, preflight, alloc, origin52, hostile, forms, build}
}
