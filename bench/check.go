package bench

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// A Response is what the behaviour check looks at: the status and the
// Access-Control-* and Vary fields.
type Response struct {
	Status int
	Header http.Header
}

// corsOnly returns the Access-Control-* and Vary fields of h, under
// canonical names.
func corsOnly(h http.Header) http.Header {
	out := http.Header{}
	for name, values := range h {
		if name = http.CanonicalHeaderKey(name); name == "Vary" || strings.HasPrefix(name, "Access-Control-") {
			out[name] = append(out[name], values...)
		}
	}
	return out
}

// Lines returns the fields as "Name: value" lines sorted by name, a value
// longer than 72 bytes cut and its length given.
func (r Response) Lines() (lines []string) {
	for _, name := range slices.Sorted(maps.Keys(r.Header)) {
		for _, v := range r.Header[name] {
			if len(v) > 72 {
				v = fmt.Sprintf("%s… (%d bytes)", v[:36], len(v))
			}
			lines = append(lines, name+": "+v)
		}
	}
	return lines
}

// Check reports how r differs from the answer the behaviour contract
// requires for kind k, or nil if it does not.
func Check(k Kind, r Response) error {
	w := k.Want
	var errs, unexpected []string
	if r.Status != w.Status {
		errs = append(errs, fmt.Sprintf("status %d, want %d", r.Status, w.Status))
	}
	vary := []string{"origin"}
	if w.Preflight {
		vary = []string{"access-control-request-headers", "access-control-request-method", "origin"}
	}
	if got := tokens(r.Header.Values("Vary"), true); !slices.Equal(got, vary) {
		errs = append(errs, fmt.Sprintf("Vary %q, want %q", got, vary))
	}
	allowed := w.Origin != "" && !w.Refused
	exactly := func(v string) func([]string) bool {
		return func(got []string) bool { return len(got) == 1 && got[0] == v }
	}
	// lists: every name is an item of the field; header names fold case,
	// methods do not (browsers compare them case-sensitively).
	lists := func(fold bool, names ...string) func([]string) bool {
		return func(got []string) bool {
			have := tokens(got, fold)
			return !slices.ContainsFunc(names, func(n string) bool { return !slices.Contains(have, n) })
		}
	}
	fields := []struct {
		name, desc string
		present    bool
		ok         func([]string) bool
	}{
		{"Access-Control-Allow-Origin", fmt.Sprintf("%q", w.Origin), w.Origin != "", exactly(w.Origin)},
		{"Access-Control-Allow-Credentials", `"true"`, w.Origin != "", exactly("true")},
		{"Access-Control-Expose-Headers", "X-Request-Id listed", allowed && !w.Preflight, lists(true, "x-request-id")},
		{"Access-Control-Allow-Methods", "PUT listed", w.Origin != "" && w.Preflight, lists(false, "PUT")},
		{"Access-Control-Allow-Headers", "authorization, content-type listed", allowed && w.Preflight,
			lists(true, "authorization", "content-type")},
		{"Access-Control-Max-Age", `"600"`, allowed && w.Preflight, exactly("600")},
	}
	known := map[string]bool{"Vary": true}
	for _, f := range fields {
		known[f.name] = true
		got := r.Header.Values(f.name)
		switch {
		case len(got) > 0 && !f.present:
			unexpected = append(unexpected, short(f.name))
		case f.present && (len(got) == 0 || !f.ok(got)):
			errs = append(errs, fmt.Sprintf("%s %q, want %s", short(f.name), got, f.desc))
		}
	}
	for name := range r.Header {
		if !known[name] {
			unexpected = append(unexpected, short(name))
		}
	}
	if unexpected != nil {
		slices.Sort(unexpected)
		errs = append(errs, "unexpected "+strings.Join(unexpected, ", "))
	}
	if errs == nil {
		return nil
	}
	return errors.New(strings.Join(errs, "; "))
}

// short abbreviates an Access-Control-* name as the Fetch standard's
// readers do: Access-Control-Allow-Origin is ACAO.
func short(name string) string {
	rest, ok := strings.CutPrefix(name, "Access-Control-")
	if !ok {
		return name
	}
	abbr := "AC"
	for word := range strings.SplitSeq(rest, "-") {
		abbr += word[:1]
	}
	return abbr
}

// tokens returns the comma-separated items of the lines, trimmed, sorted,
// without empty ones, and in lower case if fold is set.
func tokens(lines []string, fold bool) []string {
	var out []string
	for _, line := range lines {
		for item := range strings.SplitSeq(line, ",") {
			if item = strings.TrimSpace(item); item != "" {
				if fold {
					item = strings.ToLower(item)
				}
				out = append(out, item)
			}
		}
	}
	slices.Sort(out)
	return out
}
