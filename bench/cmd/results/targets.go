package main

import (
	"fmt"
	"math"

	"github.com/corskit/corskit/bench"
)

// A verdict is the outcome of one target of issue 5.
type verdict struct {
	Target  string
	Checked int
	// Misses describes every checked case that missed the target.
	Misses []string
	// Unmeasured lists cases without figures.
	Unmeasured []string
}

// Met reports whether every case was measured and met the target.
func (v verdict) Met() bool { return v.Checked > 0 && len(v.Misses) == 0 && len(v.Unmeasured) == 0 }

// Tolerances of the targets.
const (
	halfOfNative  = 0.5  // corskit's overhead at most half the best native's
	floorFactor   = 1.5  // corskit's overhead within 1.5× the floor's (allowed requests)
	sameOrigin    = 0.05 // #52 within 5% of #2 (a scan of 50 more origins costs more)
	adversarialUp = 1.2  // adversarial preflights within +20% of a rejected one
)

func (a analysis) targets() []verdict {
	return []verdict{
		a.perCell("overhead at most half the best native's, on every framework and request kind", a.halfNative),
		a.perCell("allocations no more than the best native's (Fiber: zero)", a.allocsNative),
		a.perCell("overhead within 1.5× the floor's for allowed requests", a.nearFloor),
		a.perFramework("allowed GET from origin #52 costs the same as from #2 (±5%, same allocations)", a.noScan),
		a.perFramework("adversarial preflights cost no more than a rejected preflight (+20%)", a.adversarial),
		a.decideAllocs(),
	}
}

// A check returns, for one framework and kind, whether it applies, and if
// so whether the target is met and the evidence.
type check func(fw string, k bench.Kind) (applies, measured, ok bool, evidence string)

func (a analysis) perCell(target string, c check) verdict {
	v := verdict{Target: target}
	for _, fw := range a.fws {
		for _, k := range a.kinds {
			applies, measured, ok, ev := c(fw.Name, k)
			v.record(fw.Name+" · "+k.Name, applies, measured, ok, ev)
		}
	}
	return v
}

func (a analysis) perFramework(target string, c func(fw string) (measured, ok bool, evidence string)) verdict {
	v := verdict{Target: target}
	for _, fw := range a.fws {
		measured, ok, ev := c(fw.Name)
		v.record(fw.Name, true, measured, ok, ev)
	}
	return v
}

func (v *verdict) record(where string, applies, measured, ok bool, evidence string) {
	switch {
	case !applies:
	case !measured:
		v.Unmeasured = append(v.Unmeasured, where)
	default:
		v.Checked++
		if !ok {
			v.Misses = append(v.Misses, where+": "+evidence)
		}
	}
}

func (a analysis) corskitAndBest(fw string, k bench.Kind) (c, best overhead, bestName string, minAllocs float64, ok bool) {
	c, ok1 := a.overhead(fw, a.one(fw, bench.Corskit), k.Name)
	bestName, best, minAllocs, ok2 := a.bestNative(fw, k.Name)
	return c, best, bestName, minAllocs, ok1 && ok2
}

// floorEvidence gives the overhead of the floor that bounds k from below,
// and whether that floor itself exceeds the bound corskit missed: the
// floor for an allowed request, the vary floor for a request whose answer
// is Vary alone (not CORS, or a disallowed actual request).
func (a analysis) floorEvidence(fw string, k bench.Kind, bound overhead) string {
	role, bounds := bench.Floor, k.Want.Allowed()
	if !k.Want.Preflight && k.Want.Origin == "" {
		role, bounds = bench.VaryFloor, true
	}
	f, ok := a.overhead(fw, a.one(fw, role), k.Name)
	if !ok {
		return ""
	}
	ev := fmt.Sprintf("; %s %s %s, %s allocs", role, signed(f.Cost), a.metric.unit(), signed(f.Allocs))
	if bounds && (f.Cost > bound.Cost || f.Allocs > bound.Allocs) {
		ev += " — the " + string(role) + " itself exceeds the bound"
	}
	return ev
}

// nativeEvidence says how the native's answer differs from the contract,
// if it does: it may be cheap by doing less.
func (a analysis) nativeEvidence(fw, native string, k bench.Kind) string {
	if why, ok := a.breaks[Key{fw, native, k.Name}]; ok {
		return "; " + native + " answers differently from the contract (" + why + ")"
	}
	return ""
}

func (a analysis) halfNative(fw string, k bench.Kind) (bool, bool, bool, string) {
	c, best, name, _, ok := a.corskitAndBest(fw, k)
	if !ok {
		return true, false, false, ""
	}
	bound := overhead{Cost: halfOfNative * best.Cost, Allocs: math.Inf(1)}
	u := a.metric.unit()
	return true, true, c.Cost <= bound.Cost, fmt.Sprintf("corskit %s %s vs best native (%s) %s %s%s%s",
		signed(c.Cost), u, name, signed(best.Cost), u, a.floorEvidence(fw, k, bound), a.nativeEvidence(fw, name, k))
}

func (a analysis) allocsNative(fw string, k bench.Kind) (bool, bool, bool, string) {
	c, _, _, minAllocs, ok := a.corskitAndBest(fw, k)
	if !ok {
		return true, false, false, ""
	}
	limit := minAllocs
	if a.isFast(fw) {
		limit = 0
	}
	bound := overhead{Cost: math.Inf(1), Allocs: limit}
	return true, true, c.Allocs <= limit, fmt.Sprintf("corskit %s allocs vs best native %s%s%s",
		signed(c.Allocs), signed(minAllocs), a.floorEvidence(fw, k, bound), a.leastAllocNative(fw, k))
}

// leastAllocNative tells how the natives with the fewest allocations
// answer, when that differs from the contract.
func (a analysis) leastAllocNative(fw string, k bench.Kind) string {
	_, _, minAllocs, _ := a.bestNative(fw, k.Name)
	ev := ""
	for _, n := range a.named(fw, bench.Native) {
		if o, ok := a.overhead(fw, n, k.Name); ok && o.Allocs == minAllocs {
			ev += a.nativeEvidence(fw, n, k)
		}
	}
	return ev
}

func (a analysis) isFast(fw string) bool {
	for _, f := range a.fws {
		if f.Name == fw && len(f.Impls) > 0 {
			return f.Impls[0].Fast != nil
		}
	}
	return false
}

func (a analysis) nearFloor(fw string, k bench.Kind) (bool, bool, bool, string) {
	if !k.Want.Allowed() {
		return false, false, false, ""
	}
	c, ok1 := a.overhead(fw, a.one(fw, bench.Corskit), k.Name)
	f, ok2 := a.overhead(fw, a.one(fw, bench.Floor), k.Name)
	if !ok1 || !ok2 {
		return true, false, false, ""
	}
	u := a.metric.unit()
	return true, true, c.Cost <= floorFactor*f.Cost,
		fmt.Sprintf("corskit %s %s vs floor %s %s", signed(c.Cost), u, signed(f.Cost), u)
}

func (a analysis) noScan(fw string) (bool, bool, string) {
	im := a.one(fw, bench.Corskit)
	s2, ok1 := a.stat(fw, im, "allowed-2")
	s52, ok2 := a.stat(fw, im, "allowed-52")
	if !ok1 || !ok2 {
		return false, false, ""
	}
	t2, t52, u := a.cost(s2), a.cost(s52), a.metric.unit()
	met := math.Abs(t52-t2) <= sameOrigin*t2 && s52.Allocs == s2.Allocs
	return true, met, fmt.Sprintf("#2 %s %s %s allocs, #52 %s %s %s allocs",
		num(t2), u, num(s2.Allocs), num(t52), u, num(s52.Allocs))
}

func (a analysis) adversarial(fw string) (bool, bool, string) {
	im := a.one(fw, bench.Corskit)
	rej, ok := a.overhead(fw, im, "preflight-rejected")
	if !ok {
		return false, false, ""
	}
	u := a.metric.unit()
	met, ev := true, fmt.Sprintf("rejected %s %s %s allocs", signed(rej.Cost), u, signed(rej.Allocs))
	for _, req := range []string{"preflight-1000-names", "preflight-64k-commas"} {
		o, found := a.overhead(fw, im, req)
		if !found {
			return false, false, ""
		}
		met = met && o.Cost <= adversarialUp*rej.Cost && o.Allocs <= rej.Allocs
		ev += fmt.Sprintf(", %s %s %s %s allocs", req, signed(o.Cost), u, signed(o.Allocs))
	}
	return true, met, ev
}

func (a analysis) decideAllocs() verdict {
	v := verdict{Target: "Decide in the core: 0 allocs/op for every request kind"}
	for _, k := range a.kinds {
		s, ok := a.decideStat(k.Name)
		v.record("Decide · "+k.Name, true, ok, s.Allocs == 0, fmt.Sprintf("%s allocs/op", num(s.Allocs)))
	}
	return v
}

// decideStat returns the summary of BenchmarkDecide for req, if it has a
// figure in the analysis's metric.
func (a analysis) decideStat(req string) (Stat, bool) {
	s, ok := a.st.Decide[req]
	return s, ok && a.cost(s) > 0
}
