package bench

import (
	"fmt"
	"strings"
	"testing"
)

// TestBehaviour serves every request kind once through every
// implementation, logs each response's status and Access-Control-* / Vary
// fields, and requires corskit's responses, on every framework, to be the
// ones the behaviour contract asks for.
func TestBehaviour(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			var log strings.Builder
			fmt.Fprintf(&log, "%s:\n", k.Title)
			for _, fw := range Frameworks() {
				for _, im := range fw.Impls {
					res := im.Observe(k)
					fmt.Fprintf(&log, "  %-8s %-17s %d %s\n", fw.Name, im.Name, res.Status, strings.Join(res.Lines(), " | "))
					if im.Role != Corskit {
						continue
					}
					if err := Check(k, res); err != nil {
						t.Errorf("%s corskit: %v", fw.Name, err)
					}
				}
			}
			t.Log(log.String())
		})
	}
}

// TestEveryFrameworkHasEveryRole makes sure the comparison is complete:
// each framework has a baseline, a floor, a vary floor, at least one
// native middleware and corskit.
func TestEveryFrameworkHasEveryRole(t *testing.T) {
	for _, fw := range Frameworks() {
		roles := map[Role]int{}
		for _, im := range fw.Impls {
			roles[im.Role]++
		}
		for _, r := range []Role{Baseline, Floor, VaryFloor, Native, Corskit} {
			if roles[r] == 0 {
				t.Errorf("%s has no %s implementation", fw.Name, r)
			}
		}
		if roles[Baseline] != 1 || roles[Floor] != 1 || roles[VaryFloor] != 1 || roles[Corskit] != 1 {
			t.Errorf("%s: roles %v, want one baseline, floor, vary floor and corskit", fw.Name, roles)
		}
	}
}
