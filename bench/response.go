package bench

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// A Response is what the behaviour check looks at: the status and the
// Access-Control-* and Vary fields.
type Response struct {
	Status int
	Header http.Header
}

func (r Response) corsOnly() Response {
	h := http.Header{}
	for name, values := range r.Header {
		name = http.CanonicalHeaderKey(name)
		if isCORSField(name) {
			h[name] = append(h[name], values...)
		}
	}
	r.Header = h
	return r
}

// isCORSField reports whether the canonical name is Vary or an
// Access-Control-* field.
func isCORSField(name string) bool {
	return name == "Vary" || strings.HasPrefix(name, "Access-Control-")
}

// maxShown is the longest value Lines shows whole.
const maxShown = 72

// Lines returns the response's fields as "Name: value" lines, sorted by
// name, with very long values cut and their length given.
func (r Response) Lines() []string {
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		names = append(names, name)
	}
	slices.Sort(names)
	var lines []string
	for _, name := range names {
		for _, v := range r.Header[name] {
			if len(v) > maxShown {
				v = v[:maxShown/2] + "… (" + strconv.Itoa(len(v)) + " bytes)"
			}
			lines = append(lines, name+": "+v)
		}
	}
	return lines
}

// Check reports how r differs from what the behaviour contract requires
// of corskit for kind k, or nil if it does not.
func Check(k Kind, r Response) error {
	var errs, unexpected []string
	if r.Status != k.Want.Status {
		errs = append(errs, fmt.Sprintf("status %d, want %d", r.Status, k.Want.Status))
	}
	vary := []string{"origin"}
	if k.Want.Preflight {
		vary = append(vary, "access-control-request-method", "access-control-request-headers")
	}
	if got := tokens(r.Header.Values("Vary"), true); !slices.Equal(got, sorted(vary)) {
		errs = append(errs, fmt.Sprintf("Vary %q, want %q", got, sorted(vary)))
	}
	wants := wantFields(k.Want)
	for _, want := range wants {
		got := r.Header.Values(want.name)
		switch {
		case len(got) > 0 && !want.present:
			unexpected = append(unexpected, short(want.name))
		case want.present && (len(got) == 0 || !want.ok(got)):
			errs = append(errs, fmt.Sprintf("%s %q, want %s", short(want.name), got, want.desc))
		}
	}
	for name := range r.Header {
		if name != "Vary" && !slices.ContainsFunc(wants, func(f fieldWant) bool { return f.name == name }) {
			unexpected = append(unexpected, short(name))
		}
	}
	if unexpected != nil {
		slices.Sort(unexpected)
		errs = append(errs, "unexpected "+strings.Join(unexpected, ", "))
	}
	if errs != nil {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
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

// fieldWant is the requirement on one Access-Control-* field.
type fieldWant struct {
	name    string
	present bool
	desc    string
	ok      func(values []string) bool
}

func wantFields(w Want) []fieldWant {
	allowed := w.Allowed()
	exactly := func(v string) func([]string) bool {
		return func(got []string) bool { return len(got) == 1 && got[0] == v }
	}
	// lists: every name is an item of the field; header names fold case,
	// methods do not (browsers compare them case-sensitively).
	lists := func(fold bool, names ...string) func([]string) bool {
		return func(got []string) bool {
			have := tokens(got, fold)
			return !slices.ContainsFunc(names, func(n string) bool {
				_, found := slices.BinarySearch(have, n)
				return !found
			})
		}
	}
	return []fieldWant{
		{"Access-Control-Allow-Origin", w.Origin != "", strconv.Quote(w.Origin), exactly(w.Origin)},
		{"Access-Control-Allow-Credentials", w.Origin != "", `"true"`, exactly("true")},
		{"Access-Control-Expose-Headers", allowed && !w.Preflight, "X-Request-Id listed", lists(true, "x-request-id")},
		{"Access-Control-Allow-Methods", w.Origin != "" && w.Preflight, "PUT listed", lists(false, "PUT")},
		{"Access-Control-Allow-Headers", allowed && w.Preflight, "authorization, content-type listed", lists(true, "authorization", "content-type")},
		{"Access-Control-Max-Age", allowed && w.Preflight, `"600"`, exactly("600")},
	}
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
	return sorted(out)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
