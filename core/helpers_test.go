package cors_test

import (
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
// SetHeaders writes to it field by field, as it does to fasthttp's.
type headerWriter map[string][]string

func (h headerWriter) Set(name, value string) { h[name] = []string{value} }
func (h headerWriter) Add(name, value string) { h[name] = append(h[name], value) }

// written returns the fields SetHeaders writes to a headerWriter that
// already holds a stale value of every field d sets, each field's lines
// joined as fields joins them: a field's first line must replace what was
// there, and its later lines add to it.
func written(d cors.Decision) map[string]string {
	h := headerWriter{}
	for k := range d.Fields() {
		h[k] = []string{"stale"}
	}
	d.SetHeaders(h)
	m := map[string]string{}
	for k, v := range h {
		if k != "Vary" {
			m[k] = strings.Join(v, ", ")
		}
	}
	return m
}
