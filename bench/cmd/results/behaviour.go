package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/corskit/corskit/bench"
)

// behaviour writes, for each request kind, what every implementation
// answers: the status and the Access-Control-* and Vary fields, grouping
// identical answers, and whether each answer is the contract's. It reports
// whether all of corskit's answers are.
func (m *md) behaviour(a analysis) (corskitOK bool) {
	m.f("## Behaviour: what each implementation answers\n\n")
	m.f("One request of each kind through each implementation: the status and the Access-Control-* and Vary fields, identical answers grouped, ")
	m.f("and how each answer compares with corskit's behaviour contract (the check `TestBehaviour` applies to corskit). ")
	m.f("The floor answers every request as if it were allowed from origin #2: it is a cost bound, not a middleware.\n\n")
	corskitOK = true
	for _, k := range a.kinds {
		m.f("### %s\n\n", k.Title)
		m.textHeader("implementations", "status", "fields", "contract")
		var groups []answerGroup
		for _, fw := range a.fws {
			for _, im := range fw.Impls {
				res := im.Observe(k)
				groups = addAnswer(groups, fw.Name+" "+im.Name, im.Role, res)
				if im.Role == bench.Corskit && bench.Check(k, res) != nil {
					corskitOK = false
				}
			}
		}
		for _, g := range groups {
			verdict := "✓"
			if err := bench.Check(k, g.res); err != nil {
				verdict = "✗ " + err.Error()
			}
			if g.baselines == len(g.impls) {
				verdict = "— (no CORS middleware)"
			}
			fields := strings.Join(g.res.Lines(), "<br>")
			if fields == "" {
				fields = "(none)"
			}
			m.row(strings.Join(g.impls, ", "), strconv.Itoa(g.res.Status), escape(fields), escape(verdict))
		}
		m.f("\n")
	}
	return corskitOK
}

// An answerGroup is the implementations that gave one answer.
type answerGroup struct {
	res       bench.Response
	impls     []string
	baselines int // how many of impls are baselines
}

func addAnswer(groups []answerGroup, impl string, role bench.Role, res bench.Response) []answerGroup {
	i := slices.IndexFunc(groups, func(g answerGroup) bool {
		return g.res.Status == res.Status && slices.Equal(g.res.Lines(), res.Lines())
	})
	if i < 0 {
		groups, i = append(groups, answerGroup{res: res}), len(groups)
	}
	groups[i].impls = append(groups[i].impls, impl)
	if role == bench.Baseline {
		groups[i].baselines++
	}
	return groups
}

// escape keeps a value from breaking the Markdown table.
func escape(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

// sharing writes which implementations store one slice into the header
// maps of several responses (what corskit and the floor never do).
func (m *md) sharing(a analysis) {
	m.f("## Header slices shared between responses\n\n")
	m.f("Each net/http-based implementation serves the same request twice; a field is listed when the two responses' values share one array, ")
	m.f("so that a handler changing the value in place changes it for every response (`TestNoSharedSlices` requires corskit and the floor to share none).\n\n")
	m.textHeader("implementation", "shared fields (request kinds)")
	for _, fw := range a.fws {
		for _, im := range fw.Impls {
			if im.HTTP == nil || im.Role == bench.Baseline {
				continue
			}
			byField, order := map[string][]string{}, []string{}
			for _, k := range a.kinds {
				for _, name := range im.SharedSlices(k) {
					if _, seen := byField[name]; !seen {
						order = append(order, name)
					}
					byField[name] = append(byField[name], k.Name)
				}
			}
			var cells []string
			for _, name := range order {
				cells = append(cells, name+" ("+strings.Join(byField[name], ", ")+")")
			}
			if cells == nil {
				cells = []string{"none"}
			}
			m.row(fw.Name+" "+im.Name, strings.Join(cells, "; "))
		}
	}
	m.f("\n")
}
