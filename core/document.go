package cors

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A DocumentError describes one problem with a JSON or YAML configuration
// document: a key that is not a configuration key, or a value of the wrong
// kind. [Config.UnmarshalJSON] and [Config.UnmarshalYAML] report every
// problem of a document at once, joined with [errors.Join]; use [errors.As]
// (or range over the Unwrap() []error of the joined error) to inspect them.
type DocumentError struct {
	// Key is the key at fault as the document spells it, with an index for
	// an element of a list, such as "allow_origins[1]". It is empty when
	// the document as a whole is at fault.
	Key string
	// Problem says what is wrong: "unknown key", or what the key wants and
	// got, such as "want a list of strings, got a number".
	Problem string
	// Fix says what to do instead, such as `did you mean
	// "allow_credentials"?`. It is empty when there is nothing to suggest.
	Fix string
}

// problemUnknownKey is the Problem of a key that is not a configuration key.
const problemUnknownKey = "unknown key"

// Error returns the problem in one line, such as
//
//	cors: unknown key "allow_credential"; did you mean "allow_credentials"?
//	cors: allow_origins: want a list of strings, got a number
func (e *DocumentError) Error() string {
	var msg string
	switch {
	case e.Problem == problemUnknownKey:
		msg = "cors: unknown key " + strconv.Quote(e.Key)
	case e.Key == "":
		msg = "cors: configuration document: " + e.Problem
	default:
		msg = "cors: " + e.Key + ": " + e.Problem
	}
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// UnmarshalJSON decodes a FastAPI-style JSON configuration, such as
//
//	{"allow_origins": ["https://app.example.com"], "allow_credentials": true}
//
// The keys are those of the JSON tags of [Config], the names of Starlette's
// CORSMiddleware, matched exactly (encoding/json alone would also take
// "Allow_Origins"). An unknown key and a value of the wrong
// kind are errors, a [*DocumentError] each, all of them joined; the Config
// is then left as it was. A key that the document leaves out, or whose
// value is null, keeps its field as it is, and so do the fields that no
// document sets (AllowOriginFunc, Logger). "max_age": 0 means "send 0"
// (MaxAge -1), as it does in FastAPI, while an absent max_age keeps MaxAge
// 0, which means 600; any other number is taken as it is.
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

// UnmarshalYAML decodes a FastAPI-style YAML configuration with the keys
// and the rules of [Config.UnmarshalJSON]. It has the signature that
// gopkg.in/yaml.v2, gopkg.in/yaml.v3 and github.com/goccy/go-yaml call, so
// the core needs no YAML dependency; sigs.k8s.io/yaml converts YAML to JSON
// and calls UnmarshalJSON. What a scalar is, the YAML library decides: for
// gopkg.in/yaml.v2 and sigs.k8s.io/yaml, which follow YAML 1.1, an
// unquoted yes or on is true.
func (c *Config) UnmarshalYAML(unmarshal func(any) error) error {
	var doc any
	if err := unmarshal(&doc); err != nil {
		return err
	}
	return c.fromDocument(doc)
}

// A documentKey is a key of a configuration document: the name in the json
// (and yaml) tag of a field of Config.
type documentKey struct {
	name  string
	field int // its index in Config
}

// documentKeys are the keys of a configuration document, in the order of
// Config's fields, read from its tags so that they cannot drift apart. A
// field with a tag must be a string, a []string, a bool or an int.
var documentKeys = func() []documentKey {
	var keys []documentKey
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if yamlName, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); yamlName != name {
			panic("cors: Config." + f.Name + " has json key " + name + " and yaml key " + yamlName)
		}
		if name == "-" {
			continue
		}
		switch f.Type {
		case reflect.TypeFor[string](), reflect.TypeFor[[]string](), reflect.TypeFor[bool](), reflect.TypeFor[int]():
		default:
			panic("cors: Config." + f.Name + " is of a type no document key can set")
		}
		keys = append(keys, documentKey{name: name, field: i})
	}
	return keys
}()

// keyMaxAge is the key whose 0 means "send 0", as in FastAPI.
const keyMaxAge = "max_age"

// wantNumber says what the value of a key that takes a number stands for.
var wantNumber = map[string]string{
	keyMaxAge:          "a whole number of seconds",
	"preflight_status": "an HTTP status such as 204",
}

// fromDocument sets c from a decoded document: what encoding/json (with
// UseNumber) or a YAML library makes of it when asked for an any. It is the
// one place where keys and values are checked, whatever the format; the
// problems come in the order of the keys, sorted.
func (c *Config) fromDocument(doc any) error {
	if doc == nil {
		return nil
	}
	values, errs := documentMapping(doc)
	next := *c
	for _, key := range slices.Sorted(maps.Keys(values)) {
		v := values[key]
		if v == nil {
			continue
		}
		i := slices.IndexFunc(documentKeys, func(k documentKey) bool { return k.name == key })
		if i < 0 {
			errs = append(errs, &DocumentError{Key: key, Problem: problemUnknownKey, Fix: suggestDocumentKey(key)})
			continue
		}
		field := reflect.ValueOf(&next).Elem().Field(documentKeys[i].field)
		errs = append(errs, setDocumentField(field, key, v)...)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*c = next
	return nil
}

// documentMapping returns the mapping at the top of a document, with string
// keys. yaml.v2 gives a map[any]any, and so does yaml.v3 when a key is not
// a string; such a key, 1 or yaml.v2's n (false in YAML 1.1), is spelt as
// fmt prints it, and found unknown.
func documentMapping(doc any) (map[string]any, []error) {
	switch m := doc.(type) {
	case map[string]any:
		return m, nil
	case map[any]any:
		values := make(map[string]any, len(m))
		for k, v := range m {
			values[fmt.Sprint(k)] = v
		}
		return values, nil
	}
	return nil, []error{&DocumentError{Problem: "want a mapping of keys such as allow_origins, got " + describeDocumentValue(doc)}}
}

// setDocumentField stores v, the value of key, into field, a string,
// []string, bool or int, or says why it cannot.
func setDocumentField(field reflect.Value, key string, v any) []error {
	switch field.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return []error{documentTypeError(key, "a string", v)}
		}
		field.SetString(s)
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			err := documentTypeError(key, "a list of strings", v)
			if s, ok := v.(string); ok {
				err.Fix = "write [" + strconv.Quote(s) + "]"
			}
			return []error{err}
		}
		var strs []string // nil for an empty list, as after encoding
		var errs []error
		for i, e := range list {
			s, ok := e.(string)
			if !ok {
				errs = append(errs, documentTypeError(indexed(key, i), "a string", e))
				continue
			}
			strs = append(strs, s)
		}
		if errs != nil {
			return errs
		}
		field.Set(reflect.ValueOf(strs))
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			err := documentTypeError(key, "true or false", v)
			if s, ok := v.(string); ok && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
				err.Fix = "write " + strings.ToLower(s) + " without quotes"
			}
			return []error{err}
		}
		field.SetBool(b)
	case reflect.Int:
		want := cmp.Or(wantNumber[key], "a whole number")
		n, ok := documentWholeNumber(v)
		if !ok {
			err := documentTypeError(key, want, v)
			if isDocumentNumber(v) { // but not whole, or too large
				err.Problem = "want " + want + ", got " + documentNumberText(v)
			} else if s, ok := v.(string); ok {
				if _, atoiErr := strconv.Atoi(s); atoiErr == nil {
					err.Fix = "write " + s + " without quotes"
				}
			}
			return []error{err}
		}
		if key == keyMaxAge && n == 0 {
			n = -1 // FastAPI's max_age=0 sends 0, and MaxAge 0 means 600
		}
		field.SetInt(int64(n))
	}
	return nil
}

// documentTypeError is the error for a value that is not what key wants.
func documentTypeError(key, want string, v any) *DocumentError {
	return &DocumentError{Key: key, Problem: "want " + want + ", got " + describeDocumentValue(v)}
}

// describeDocumentValue says what kind of value v is, in the document's
// terms, never in Go's.
func describeDocumentValue(v any) string {
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
	case time.Time: // yaml.v3 makes one of 2024-01-02
		return "a date"
	}
	if isDocumentNumber(v) {
		return "a number"
	}
	return "a value of another kind"
}

// isDocumentNumber reports whether v is a number as the decoders give it:
// a json.Number from encoding/json with UseNumber; an int, int64, uint64
// or float64 from the YAML libraries (goccy/go-yaml gives uint64 for an
// integer that is not negative, yaml.v2 and v3 an int when it fits).
func isDocumentNumber(v any) bool {
	if _, ok := v.(json.Number); ok {
		return true
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// documentNumberText spells the number v as the document did, near enough.
func documentNumberText(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// documentWholeNumber returns the number v as an int if it is a whole
// number that fits one: 600, 600.0 and 6e2 alike.
func documentWholeNumber(v any) (int, bool) {
	if !isDocumentNumber(v) {
		return 0, false
	}
	var f float64
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fitInt(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if rv.Uint() > math.MaxInt64 {
			return 0, false
		}
		return fitInt(int64(rv.Uint()))
	case reflect.Float32, reflect.Float64:
		f = rv.Float()
	case reflect.String: // a json.Number
		if n, err := strconv.ParseInt(rv.String(), 10, 64); err == nil {
			return fitInt(n)
		}
		var err error
		if f, err = strconv.ParseFloat(rv.String(), 64); err != nil {
			return 0, false
		}
	}
	// -2⁶³ and 2⁶³, the first number past int64, are exact in a float64.
	if f != math.Trunc(f) || f < math.MinInt64 || f >= -math.MinInt64 {
		return 0, false
	}
	return fitInt(int64(f))
}

// fitInt returns n as an int if it fits one on this platform.
func fitInt(n int64) (int, bool) {
	return int(n), int64(int(n)) == n
}

// suggestDocumentKey returns the fix for an unknown key: the known key
// closest to it by edit distance, ignoring case, "_" and "-", if it is
// close enough to be a likely typo (at most a third of its length away).
func suggestDocumentKey(key string) string {
	typed := normalDocumentKey(key)
	best, bestDist := "", -1
	for _, k := range documentKeys {
		known := normalDocumentKey(k.name)
		limit := len(known) / 3
		if len(typed) > len(known)+limit || len(typed) < len(known)-limit {
			continue // too far whatever the letters, and keeps the work bounded
		}
		if d := editDistance(typed, known); d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = k.name, d
		}
	}
	if best == "" {
		return ""
	}
	return "did you mean " + strconv.Quote(best) + "?"
}

// normalDocumentKey is key in lower case, without "_" and "-".
func normalDocumentKey(key string) string {
	return documentKeySeparators.Replace(strings.ToLower(key))
}

var documentKeySeparators = strings.NewReplacer("_", "", "-", "")

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
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
