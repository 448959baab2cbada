package cors_test

import (
	"context"
	"strings"

	cors "github.com/corskit/corskit/core"
)

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

// headerWriter is a HeaderWriter that is not an http.Header, so that
// Apply writes to it field by field, as it does to fasthttp's.
type headerWriter map[string][]string

func (h headerWriter) Set(name, value string) { h[name] = []string{value} }
func (h headerWriter) Add(name, value string) { h[name] = append(h[name], value) }

// written returns the fields Apply writes to a headerWriter that already
// holds a stale value of every field the decision sets, each field's lines
// joined as fields joins them: a field's first line must replace what was
// there, and its later lines add to it.
func written(p *cors.Policy, req cors.Request) map[string]string {
	h := headerWriter{}
	for k := range p.Decide(req).Fields() {
		h[k] = []string{"stale"}
	}
	p.Apply(context.Background(), req, h)
	m := map[string]string{}
	for k, v := range h {
		if k != "Vary" {
			m[k] = strings.Join(v, ", ")
		}
	}
	return m
}
