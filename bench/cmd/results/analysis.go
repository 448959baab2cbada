package main

import (
	"math"

	"github.com/corskit/corskit/bench"
)

// An analysis answers questions about one run's summaries.
type analysis struct {
	st    Stats
	fws   []bench.Framework
	kinds []bench.Kind
	// breaks holds, for each implementation and kind whose answer differs
	// from the behaviour contract, how it differs.
	breaks map[Key]string
	// metric is the cost the analysis compares: ns/op unless set.
	metric metric
}

// with returns the analysis comparing metric m.
func (a analysis) with(m metric) analysis {
	a.metric = m
	return a
}

// has reports whether the run measured metric m.
func (a analysis) has(m metric) bool {
	for _, s := range a.st.CORS {
		if m.of(s) > 0 {
			return true
		}
	}
	return false
}

// cost is the cost of s in the analysis's metric.
func (a analysis) cost(s Stat) float64 {
	return a.metric.of(s)
}

func newAnalysis(st Stats) analysis {
	a := analysis{st: st, fws: bench.Frameworks(), kinds: bench.Kinds(), breaks: map[Key]string{}}
	for _, fw := range a.fws {
		for _, im := range fw.Impls {
			if im.Role == bench.Baseline || im.Role == bench.Floor || im.Role == bench.VaryFloor {
				continue
			}
			for _, k := range a.kinds {
				if err := bench.Check(k, im.Observe(k)); err != nil {
					a.breaks[Key{fw.Name, im.Name, k.Name}] = err.Error()
				}
			}
		}
	}
	return a
}

// stat returns the summary of a benchmark, if it has a figure in the
// analysis's metric.
func (a analysis) stat(fw, impl, req string) (Stat, bool) {
	s, ok := a.st.CORS[Key{fw, impl, req}]
	return s, ok && a.cost(s) > 0
}

// named returns the implementations of fw that have role r.
func (a analysis) named(fw string, r bench.Role) []string {
	var names []string
	for _, f := range a.fws {
		if f.Name != fw {
			continue
		}
		for _, im := range f.Impls {
			if im.Role == r {
				names = append(names, im.Name)
			}
		}
	}
	return names
}

// one returns the implementation of fw with role r (baseline, floor or
// corskit), "" if there is none.
func (a analysis) one(fw string, r bench.Role) string {
	if names := a.named(fw, r); len(names) > 0 {
		return names[0]
	}
	return ""
}

// An overhead is an implementation's cost over the framework's baseline,
// in medians; Cost is in the analysis's metric.
type overhead struct {
	Cost, Bytes, Allocs float64
}

func (a analysis) overhead(fw, impl, req string) (overhead, bool) {
	s, ok1 := a.stat(fw, impl, req)
	b, ok2 := a.stat(fw, a.one(fw, bench.Baseline), req)
	if !ok1 || !ok2 {
		return overhead{}, false
	}
	return overhead{Cost: a.cost(s) - a.cost(b), Bytes: s.Bytes - b.Bytes, Allocs: s.Allocs - b.Allocs}, true
}

// bestNative returns the native middleware of fw with the smallest
// overhead in the analysis's metric for req, and the smallest allocation overhead of any native.
func (a analysis) bestNative(fw, req string) (name string, best overhead, minAllocs float64, ok bool) {
	minAllocs = math.Inf(1)
	for _, n := range a.named(fw, bench.Native) {
		o, found := a.overhead(fw, n, req)
		if !found {
			continue
		}
		if !ok || o.Cost < best.Cost {
			name, best, ok = n, o, true
		}
		minAllocs = math.Min(minAllocs, o.Allocs)
	}
	return name, best, minAllocs, ok
}
