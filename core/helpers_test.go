package cors_test

import cors "github.com/corskit/corskit/core"

// fields collects a decision's header fields, joining repeated names.
func fields(d cors.Decision) map[string]string {
	m := map[string]string{}
	for k, v := range d.Fields() {
		if old, ok := m[k]; ok {
			v = old + ", " + v
		}
		m[k] = v
	}
	return m
}
