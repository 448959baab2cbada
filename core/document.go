package cors

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A DocumentError describes one problem with a JSON or YAML configuration
// document: a key that is not a configuration key, or a value of the wrong
// kind. [Config.UnmarshalJSON] and [Config.UnmarshalYAML] report every
// problem of a document at once, joined with [errors.Join].
type DocumentError struct {
	// Key is the key at fault as the document spells it, with an index for
	// an element of a list, such as "allow_origins[1]"; empty when the
	// document as a whole is at fault.
	Key string
	// Problem says what is wrong: "unknown key", or what the key wants and
	// got, such as "want a list of strings, got a number".
	Problem string
	// Fix says what to do instead, such as `did you mean
	// "allow_credentials"?`, or is empty.
	Fix string
}

// Error returns the problem in one line, such as
//
//	cors: unknown key "allow_credential"; did you mean "allow_credentials"?
//	cors: allow_origins: want a list of strings, got a number
func (e *DocumentError) Error() string {
	msg := "cors: " + e.Key + ": " + e.Problem
	switch {
	case e.Problem == "unknown key":
		msg = "cors: unknown key " + strconv.Quote(e.Key)
	case e.Key == "":
		msg = "cors: configuration document: " + e.Problem
	}
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// documentKeys are the keys of a configuration document, the json and yaml
// tags of Config (TestDocumentKeys holds them together).
const documentKeys = "allow_origins allow_origin_regex allow_methods allow_headers allow_credentials expose_headers max_age allow_private_network preflight_status preflight_passthrough cross_origin_protection dangerously_allow_null_origin dangerously_allow_insecure_origins dangerously_allow_public_suffix_patterns"

// UnmarshalJSON decodes a FastAPI-style JSON configuration, such as
//
//	{"allow_origins": ["https://app.example.com"], "allow_credentials": true}
//
// Its keys are the json tags of [Config], the names of Starlette's
// CORSMiddleware, matched exactly. An unknown key and a value of the wrong
// kind are errors, a [*DocumentError] each, all joined; the Config is then
// left as it was. A key that is absent or null leaves its field as it is,
// and no document sets AllowOriginFunc or Logger. "max_age": 0 means "send
// 0" (MaxAge -1), as in FastAPI, while an absent max_age leaves MaxAge 0,
// which means 600.
func (c *Config) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &DocumentError{Problem: "want one JSON value, got more after it"}
	}
	return c.fromDocument(doc)
}

// UnmarshalYAML decodes a FastAPI-style YAML configuration with the keys and
// rules of [Config.UnmarshalJSON]. gopkg.in/yaml.v2, gopkg.in/yaml.v3 and
// github.com/goccy/go-yaml call it, so the core needs no YAML dependency;
// sigs.k8s.io/yaml converts YAML to JSON and calls UnmarshalJSON.
func (c *Config) UnmarshalYAML(unmarshal func(any) error) error {
	var doc any
	if err := unmarshal(&doc); err != nil {
		return err
	}
	return c.fromDocument(doc)
}

// fromDocument sets c from a decoded document, as encoding/json (with
// UseNumber) or a YAML library decodes it into an any: the one place where
// keys and values are checked, whatever the format.
func (c *Config) fromDocument(doc any) error {
	var m map[string]any
	switch doc := doc.(type) {
	case nil:
		return nil
	case map[string]any:
		m = doc
	case map[any]any: // yaml.v2
		m = make(map[string]any, len(doc))
		for k, v := range doc {
			m[fmt.Sprint(k)] = v
		}
	default:
		return &DocumentError{Problem: "want a mapping of keys such as allow_origins, got " + kindOf(doc)}
	}
	next := *c
	lists := map[string]*[]string{
		"allow_origins": &next.AllowOrigins, "allow_methods": &next.AllowMethods,
		"allow_headers": &next.AllowHeaders, "expose_headers": &next.ExposeHeaders,
	}
	flags := map[string]*bool{
		"allow_credentials": &next.AllowCredentials, "allow_private_network": &next.AllowPrivateNetwork,
		"preflight_passthrough":                    &next.PreflightPassthrough,
		"cross_origin_protection":                  &next.CrossOriginProtection,
		"dangerously_allow_null_origin":            &next.DangerouslyAllowNullOrigin,
		"dangerously_allow_insecure_origins":       &next.DangerouslyAllowInsecureOrigins,
		"dangerously_allow_public_suffix_patterns": &next.DangerouslyAllowPublicSuffixPatterns,
	}
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(m)) {
		v := m[key]
		if v == nil {
			continue
		}
		var err error
		switch list, flag := lists[key], flags[key]; {
		case list != nil:
			*list, errs = documentStrings(key, v, errs)
		case flag != nil:
			*flag, err = documentBool(key, v)
		case key == "allow_origin_regex":
			var ok bool
			if next.AllowOriginRegex, ok = v.(string); !ok {
				err = wrongKind(key, "a string", v, "")
			}
		case key == "max_age":
			if next.MaxAge, err = documentInt(key, "a whole number of seconds", v); err == nil && next.MaxAge == 0 {
				next.MaxAge = -1 // FastAPI's max_age=0 sends 0; MaxAge 0 means 600
			}
		case key == "preflight_status":
			next.PreflightStatus, err = documentInt(key, "an HTTP status such as 204", v)
		default:
			err = &DocumentError{Key: key, Problem: "unknown key", Fix: suggestKey(key)}
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*c = next
	return nil
}

// documentStrings returns v as a list of strings, or adds to errs what is
// wrong with it.
func documentStrings(key string, v any, errs []error) ([]string, []error) {
	list, ok := v.([]any)
	if !ok {
		fix := ""
		if s, ok := v.(string); ok {
			fix = "write [" + strconv.Quote(s) + "]"
		}
		return nil, append(errs, wrongKind(key, "a list of strings", v, fix))
	}
	var strs []string
	bad := len(errs)
	for i, e := range list {
		if s, ok := e.(string); ok {
			strs = append(strs, s)
		} else {
			errs = append(errs, wrongKind(indexed(key, i), "a string", e, ""))
		}
	}
	if len(errs) > bad {
		return nil, errs
	}
	return strs, errs
}

// documentBool returns v as a bool.
func documentBool(key string, v any) (bool, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	fix := ""
	if s, ok := v.(string); ok && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
		fix = "write " + strings.ToLower(s) + " without quotes"
	}
	return false, wrongKind(key, "true or false", v, fix)
}

// documentInt returns v as an int if it is a whole number that fits one:
// 600, 600.0 and 6e2 alike, whichever type the decoder gave it.
func documentInt(key, want string, v any) (int, error) {
	var f float64
	switch n := v.(type) {
	case int:
		return n, nil
	case int64:
		f = float64(n)
	case uint64:
		f = float64(n)
	case float64:
		f = n
	case json.Number:
		if i, err := n.Int64(); err == nil {
			f = float64(i)
		} else if f, err = n.Float64(); err != nil {
			return 0, wrongKind(key, want, v, "")
		}
	case string:
		fix := ""
		if _, err := strconv.Atoi(n); err == nil {
			fix = "write " + n + " without quotes"
		}
		return 0, wrongKind(key, want, v, fix)
	default:
		return 0, wrongKind(key, want, v, "")
	}
	// Every int of a configuration is exact in a float64; 2^63 is the
	// first number past int64.
	if f != math.Trunc(f) || f < math.MinInt64 || f >= -math.MinInt64 {
		return 0, &DocumentError{Key: key, Problem: "want " + want + ", got " + fmt.Sprint(v)}
	}
	return int(f), nil
}

// wrongKind is the error for a value v that is not what key wants.
func wrongKind(key, want string, v any, fix string) *DocumentError {
	return &DocumentError{Key: key, Problem: "want " + want + ", got " + kindOf(v), Fix: fix}
}

// kindOf says what kind of value v is in the document's terms, never in
// Go's.
func kindOf(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return strconv.FormatBool(v)
	case []any:
		return "a list"
	case map[string]any, map[any]any:
		return "a mapping"
	case time.Time: // yaml.v3 decodes 2024-01-02 as one
		return "a date"
	case int, int64, uint64, float64, json.Number:
		return "a number"
	}
	return "a value of another kind"
}

// suggestKey returns the fix for an unknown key: the known key closest to
// it by edit distance, ignoring case, "_" and "-", when it is close enough
// (a third of its length) to be a typo.
func suggestKey(key string) string {
	normal := strings.NewReplacer("_", "", "-", "")
	typed := normal.Replace(strings.ToLower(key))
	best, bestDist := "", 0
	for known := range strings.FieldsSeq(documentKeys) {
		k := normal.Replace(known)
		limit := len(k) / 3
		if len(typed) > len(k)+limit || len(typed) < len(k)-limit {
			continue // too far whatever the letters
		}
		if d := editDistance(typed, k); d <= limit && (best == "" || d < bestDist) {
			best, bestDist = known, d
		}
	}
	if best == "" {
		return ""
	}
	return "did you mean " + strconv.Quote(best) + "?"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
