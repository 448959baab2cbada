package cors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	cors "github.com/corskit/corskit/core"
)

// documentCases are JSON configuration documents that decode, with the
// Config each gives.
var documentCases = []struct {
	name string
	doc  string
	want cors.Config
}{
	{"every key", `{
		"allow_origins": ["https://app.example.com", "https://*.example.com"],
		"allow_origin_regex": "https://[a-z]+\\.example\\.org",
		"allow_methods": ["PUT", "DELETE"],
		"allow_headers": ["Authorization", "X-Request-Id"],
		"allow_credentials": true,
		"expose_headers": ["X-Total"],
		"max_age": 3600,
		"allow_private_network": true,
		"preflight_status": 200,
		"preflight_passthrough": true,
		"dangerously_allow_null_origin": true,
		"dangerously_allow_insecure_origins": true,
		"dangerously_allow_public_suffix_patterns": true
	}`, cors.Config{
		AllowOrigins:                         []string{app, "https://*.example.com"},
		AllowOriginRegex:                     `https://[a-z]+\.example\.org`,
		AllowMethods:                         []string{"PUT", "DELETE"},
		AllowHeaders:                         []string{"Authorization", "X-Request-Id"},
		AllowCredentials:                     true,
		ExposeHeaders:                        []string{"X-Total"},
		MaxAge:                               3600,
		AllowPrivateNetwork:                  true,
		PreflightStatus:                      200,
		PreflightPassthrough:                 true,
		DangerouslyAllowNullOrigin:           true,
		DangerouslyAllowInsecureOrigins:      true,
		DangerouslyAllowPublicSuffixPatterns: true,
	}},
	{"max_age 0 sends 0", `{"allow_origins": ["https://app.example.com"], "max_age": 0}`, cors.Config{AllowOrigins: []string{app}, MaxAge: -1}},
	{"max_age absent means 600", `{"allow_origins": ["https://app.example.com"]}`, cors.Config{AllowOrigins: []string{app}}},
	{"max_age null is absent", `{"allow_origins": ["https://app.example.com"], "max_age": null}`, cors.Config{AllowOrigins: []string{app}}},
	{"max_age n", `{"allow_origins": ["https://app.example.com"], "max_age": 30}`, cors.Config{AllowOrigins: []string{app}, MaxAge: 30}},
	{"max_age negative", `{"allow_origins": ["https://app.example.com"], "max_age": -1}`, cors.Config{AllowOrigins: []string{app}, MaxAge: -1}},
	{"max_age above a day is New's business", `{"max_age": 86401}`, cors.Config{MaxAge: 86401}},
	{"max_age written as a float", `{"max_age": 600.0}`, cors.Config{MaxAge: 600}},
	{"max_age with an exponent", `{"max_age": 6e2}`, cors.Config{MaxAge: 600}},
	{"false", `{"allow_credentials": false, "allow_private_network": false}`, cors.Config{}},
	{"empty list", `{"allow_methods": []}`, cors.Config{}},
	{"empty string", `{"allow_origin_regex": ""}`, cors.Config{}},
	{"empty document", `{}`, cors.Config{}},
	{"null document", `null`, cors.Config{}},
	{"space around", " \n{\"allow_origins\": [\"https://app.example.com\"]}\n ", cors.Config{AllowOrigins: []string{app}}},
}

// documentErrorCases are documents that do not decode, with every line of
// the error in order: the problems come sorted by key.
var documentErrorCases = []struct {
	name string
	doc  string
	want []string
}{
	{"typo", `{"allow_origins": ["https://app.example.com"], "allow_credential": true}`,
		[]string{`cors: unknown key "allow_credential"; did you mean "allow_credentials"?`}},
	{"Go field name", `{"AllowOrigins": ["https://app.example.com"]}`,
		[]string{`cors: unknown key "AllowOrigins"; did you mean "allow_origins"?`}},
	{"wrong case", `{"Allow_Origins": ["https://app.example.com"]}`,
		[]string{`cors: unknown key "Allow_Origins"; did you mean "allow_origins"?`}},
	{"dashes", `{"max-age": 5}`,
		[]string{`cors: unknown key "max-age"; did you mean "max_age"?`}},
	{"regex in the plural", `{"allow_origins_regex": "x"}`,
		[]string{`cors: unknown key "allow_origins_regex"; did you mean "allow_origin_regex"?`}},
	{"nothing close", `{"cors_enabled": true}`,
		[]string{`cors: unknown key "cors_enabled"`}},
	{"empty key", `{"": true}`,
		[]string{`cors: unknown key ""`}},
	{"origins not a list", `{"allow_origins": 1}`,
		[]string{`cors: allow_origins: want a list of strings, got a number`}},
	{"origins a single string", `{"allow_origins": "https://app.example.com"}`,
		[]string{`cors: allow_origins: want a list of strings, got a string; write ["https://app.example.com"]`}},
	{"origins a mapping", `{"allow_origins": {"https://app.example.com": true}}`,
		[]string{`cors: allow_origins: want a list of strings, got a mapping`}},
	{"elements not strings", `{"allow_methods": ["PUT", 1, true, null, ["GET"]]}`, []string{
		`cors: allow_methods[1]: want a string, got a number`,
		`cors: allow_methods[2]: want a string, got true`,
		`cors: allow_methods[3]: want a string, got null`,
		`cors: allow_methods[4]: want a string, got a list`,
	}},
	{"headers not a list", `{"allow_headers": true}`,
		[]string{`cors: allow_headers: want a list of strings, got true`}},
	{"expose headers not a list", `{"expose_headers": {}}`,
		[]string{`cors: expose_headers: want a list of strings, got a mapping`}},
	{"regex not a string", `{"allow_origin_regex": ["x"]}`,
		[]string{`cors: allow_origin_regex: want a string, got a list`}},
	{"credentials quoted", `{"allow_credentials": "true"}`,
		[]string{`cors: allow_credentials: want true or false, got a string; write true without quotes`}},
	{"credentials yes", `{"allow_credentials": "yes"}`,
		[]string{`cors: allow_credentials: want true or false, got a string`}},
	{"credentials a number", `{"allow_credentials": 1}`,
		[]string{`cors: allow_credentials: want true or false, got a number`}},
	{"dangerous flag quoted", `{"dangerously_allow_null_origin": "False"}`,
		[]string{`cors: dangerously_allow_null_origin: want true or false, got a string; write false without quotes`}},
	{"max_age a fraction", `{"max_age": 1.5}`,
		[]string{`cors: max_age: want a whole number of seconds, got 1.5`}},
	{"max_age quoted", `{"max_age": "600"}`,
		[]string{`cors: max_age: want a whole number of seconds, got a string; write 600 without quotes`}},
	{"max_age a duration", `{"max_age": "10m"}`,
		[]string{`cors: max_age: want a whole number of seconds, got a string`}},
	{"max_age too large", `{"max_age": 1e30}`,
		[]string{`cors: max_age: want a whole number of seconds, got 1e30`}},
	{"max_age past int64", `{"max_age": 9223372036854775808}`,
		[]string{`cors: max_age: want a whole number of seconds, got 9223372036854775808`}},
	{"max_age true", `{"max_age": true}`,
		[]string{`cors: max_age: want a whole number of seconds, got true`}},
	{"preflight_status a string", `{"preflight_status": "No Content"}`,
		[]string{`cors: preflight_status: want an HTTP status such as 204, got a string`}},
	{"a list", `[{"allow_origins": ["https://app.example.com"]}]`,
		[]string{`cors: configuration document: want a mapping of keys such as allow_origins, got a list`}},
	{"a string", `"https://app.example.com"`,
		[]string{`cors: configuration document: want a mapping of keys such as allow_origins, got a string`}},
	{"every problem at once", `{
		"allow_origin": ["https://app.example.com"],
		"allow_credentials": "true",
		"max_age": 0.5,
		"allow_methods": ["PUT", 7],
		"preflight_status": 204,
		"zzz": 1
	}`, []string{
		`cors: allow_credentials: want true or false, got a string; write true without quotes`,
		`cors: allow_methods[1]: want a string, got a number`,
		`cors: unknown key "allow_origin"; did you mean "allow_origins"?`,
		`cors: max_age: want a whole number of seconds, got 0.5`,
		`cors: unknown key "zzz"`,
	}},
}

// TestConfigDocument: each document gives its Config through
// encoding/json, and through UnmarshalYAML with a callback that decodes it
// as encoding/json would into an any (float64 numbers, no UseNumber).
func TestConfigDocument(t *testing.T) {
	for _, c := range documentCases {
		t.Run(c.name, func(t *testing.T) {
			var got cors.Config
			if err := json.Unmarshal([]byte(c.doc), &got); err != nil {
				t.Fatalf("json.Unmarshal: %v", err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("json.Unmarshal:\n got %+v\nwant %+v", got, c.want)
			}
			var viaYAML cors.Config
			if err := viaYAML.UnmarshalYAML(func(v any) error { return json.Unmarshal([]byte(c.doc), v) }); err != nil {
				t.Fatalf("UnmarshalYAML: %v", err)
			}
			if !reflect.DeepEqual(viaYAML, c.want) {
				t.Errorf("UnmarshalYAML:\n got %+v\nwant %+v", viaYAML, c.want)
			}
		})
	}
}

// TestConfigDocumentErrors: every problem of a document is reported at
// once, each a *DocumentError in the user's terms, and the Config is left
// as it was.
func TestConfigDocumentErrors(t *testing.T) {
	for _, c := range documentErrorCases {
		t.Run(c.name, func(t *testing.T) {
			before := cors.Config{AllowOrigins: []string{"https://before.example"}, MaxAge: 7}
			cfg := before
			err := json.Unmarshal([]byte(c.doc), &cfg)
			if err == nil {
				t.Fatalf("decoded into %+v", cfg)
			}
			if got, want := err.Error(), strings.Join(c.want, "\n"); got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
			if !reflect.DeepEqual(cfg, before) {
				t.Errorf("a document with errors changed the Config to %+v", cfg)
			}
			var de *cors.DocumentError
			if !errors.As(err, &de) || de.Error() != c.want[0] {
				t.Errorf("errors.As(err, *DocumentError) = %v", de)
			}
			all := []error{err}
			if joined, ok := err.(interface{ Unwrap() []error }); ok {
				all = joined.Unwrap()
			}
			for i, e := range all {
				if _, ok := e.(*cors.DocumentError); !ok || i >= len(c.want) {
					t.Errorf("problem %d is %T %v", i, e, e)
				}
			}
			for _, goName := range []string{"configFields", "cors.Config", "[]string", "[]interface", "map[", "float64", "int64", "json.Number", "Go value"} {
				if strings.Contains(err.Error(), goName) {
					t.Errorf("error speaks Go (%q): %v", goName, err)
				}
			}
		})
	}
}

// TestConfigUnmarshalJSONAlone: called directly, as encoding/json never
// does, UnmarshalJSON refuses what json.Unmarshal would: more than one
// value, or no JSON at all.
func TestConfigUnmarshalJSONAlone(t *testing.T) {
	for doc, want := range map[string]string{
		`{} {}`:               "cors: configuration document: want one JSON value, got more after it",
		`{}}`:                 "cors: configuration document: want one JSON value, got more after it",
		`{} x`:                "cors: configuration document: want one JSON value, got more after it",
		``:                    "EOF",
		`{"allow_origins": [`: "unexpected EOF",
	} {
		var cfg cors.Config
		if err := cfg.UnmarshalJSON([]byte(doc)); err == nil || err.Error() != want {
			t.Errorf("UnmarshalJSON(%q) = %v, want %s", doc, err, want)
		}
	}
	var cfg cors.Config
	if err := cfg.UnmarshalJSON([]byte(` {"max_age": 0} `)); err != nil || cfg.MaxAge != -1 {
		t.Errorf("UnmarshalJSON: %+v, %v", cfg, err)
	}
}

// TestConfigDocumentFields: a document sets the keys it has and nothing
// else: the other fields, the fields no document sets and the fields set
// to null keep their values.
func TestConfigDocumentFields(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	cfg := cors.Config{
		AllowOrigins:     []string{"https://old.example"},
		AllowMethods:     []string{"PUT"},
		AllowOriginFunc:  func(string) bool { return true },
		Logger:           logger,
		MaxAge:           60,
		AllowCredentials: true,
	}
	doc := `{"allow_origins": ["https://new.example"], "allow_methods": null, "allow_credentials": false}`
	if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.AllowOriginFunc == nil || cfg.Logger != logger {
		t.Errorf("AllowOriginFunc or Logger lost: %+v", cfg)
	}
	cfg.AllowOriginFunc, cfg.Logger = nil, nil
	want := cors.Config{AllowOrigins: []string{"https://new.example"}, AllowMethods: []string{"PUT"}, MaxAge: 60}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("got  %+v\nwant %+v", cfg, want)
	}
}

// TestConfigDocumentMaxAgeSent: what the browser gets for max_age 0,
// absent and 30, once the Config is compiled.
func TestConfigDocumentMaxAgeSent(t *testing.T) {
	for doc, want := range map[string]string{
		`{"allow_origins": ["https://app.example.com"], "max_age": 0}`:  "0",
		`{"allow_origins": ["https://app.example.com"]}`:                "600",
		`{"allow_origins": ["https://app.example.com"], "max_age": 30}`: "30",
	} {
		var cfg cors.Config
		if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
			t.Fatal(err)
		}
		d := cors.MustNew(cfg).Decide(cors.Request{Method: "OPTIONS", Origin: []string{app}, RequestMethod: []string{"GET"}})
		if got := fields(d)["Access-Control-Max-Age"]; got != want {
			t.Errorf("%s sent Access-Control-Max-Age %q, want %q", doc, got, want)
		}
	}
}

// TestConfigDocumentYAMLShapes feeds UnmarshalYAML what the YAML libraries
// give for an any, measured on gopkg.in/yaml.v2 v2.4.0, gopkg.in/yaml.v3
// v3.0.1 and github.com/goccy/go-yaml v1.19.2 (core/configtest decodes
// with the libraries themselves): map[any]any with keys that are not
// strings, int, int64, uint64, float64 and time.Time.
func TestConfigDocumentYAMLShapes(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  any
		want cors.Config
		err  string
	}{
		{"yaml.v2 mapping", map[any]any{"allow_origins": []any{app}, "max_age": 0, "allow_credentials": true},
			cors.Config{AllowOrigins: []string{app}, MaxAge: -1, AllowCredentials: true}, ""},
		{"goccy uint64", map[string]any{"max_age": uint64(30), "preflight_status": uint64(200)},
			cors.Config{MaxAge: 30, PreflightStatus: 200}, ""},
		{"goccy int64", map[string]any{"max_age": int64(-1)}, cors.Config{MaxAge: -1}, ""},
		{"goccy uint64 zero", map[string]any{"max_age": uint64(0)}, cors.Config{MaxAge: -1}, ""},
		{"float64 whole", map[string]any{"max_age": 30.0}, cors.Config{MaxAge: 30}, ""},
		{"uint64 past int64", map[string]any{"max_age": uint64(1 << 63)}, cors.Config{},
			"cors: max_age: want a whole number of seconds, got 9223372036854775808"},
		{"float64 fraction", map[string]any{"max_age": 0.25}, cors.Config{},
			"cors: max_age: want a whole number of seconds, got 0.25"},
		{"key not a string", map[any]any{1: "x", false: 1000}, cors.Config{},
			"cors: unknown key \"1\"\ncors: unknown key \"false\""},
		{"yaml.v3 date", map[string]any{"allow_origin_regex": time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}, cors.Config{},
			"cors: allow_origin_regex: want a string, got a date"},
		{"nested yaml.v2 mapping", map[any]any{"allow_headers": map[any]any{"a": 1}}, cors.Config{},
			"cors: allow_headers: want a list of strings, got a mapping"},
		{"int for a bool", map[string]any{"allow_credentials": 1}, cors.Config{},
			"cors: allow_credentials: want true or false, got a number"},
		{"a sequence", []any{1}, cors.Config{},
			"cors: configuration document: want a mapping of keys such as allow_origins, got a list"},
		{"an unknown kind", map[string]any{"allow_origins": struct{}{}}, cors.Config{},
			"cors: allow_origins: want a list of strings, got a value of another kind"},
	} {
		var cfg cors.Config
		err := cfg.UnmarshalYAML(func(v any) error {
			reflect.ValueOf(v).Elem().Set(reflect.ValueOf(c.doc))
			return nil
		})
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("%s: error %v\nwant %s", c.name, err, c.err)
		case !reflect.DeepEqual(cfg, c.want):
			t.Errorf("%s: got %+v\nwant %+v", c.name, cfg, c.want)
		}
	}

	wantErr := errors.New("yaml: line 1: did not find expected key")
	if err := new(cors.Config).UnmarshalYAML(func(any) error { return wantErr }); err != wantErr {
		t.Errorf("the library's own error became %v", err)
	}
}

// A configuration file written for FastAPI's CORSMiddleware reads the same,
// max_age 0 included; a typo in a key is an error that says which key was
// meant, and a value of the wrong kind one that says what was wanted.
func ExampleConfig_UnmarshalJSON() {
	for _, doc := range []string{
		`{"allow_origins": ["https://app.example.com"], "allow_credentials": true, "max_age": 0}`,
		`{"allow_origins": ["https://app.example.com"], "allow_credential": true, "max_age": "600"}`,
	} {
		var cfg cors.Config
		if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("AllowOrigins %q, AllowCredentials %v, MaxAge %d\n", cfg.AllowOrigins, cfg.AllowCredentials, cfg.MaxAge)
	}
	// Output:
	// AllowOrigins ["https://app.example.com"], AllowCredentials true, MaxAge -1
	// cors: unknown key "allow_credential"; did you mean "allow_credentials"?
	// cors: max_age: want a whole number of seconds, got a string; write 600 without quotes
}

// FuzzConfigDocument: decoding any input never panics; a document that
// does not decode leaves the Config as it was and says what is wrong with
// *DocumentError (or is not JSON); a document that decodes gives the same
// Config again from its own JSON encoding.
func FuzzConfigDocument(f *testing.F) {
	for _, c := range documentCases {
		f.Add(c.doc)
	}
	for _, c := range documentErrorCases {
		f.Add(c.doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var cfg cors.Config
		err := json.Unmarshal([]byte(doc), &cfg)
		if err != nil {
			if !reflect.DeepEqual(cfg, cors.Config{}) {
				t.Fatalf("%q: error %v, yet the Config changed to %+v", doc, err, cfg)
			}
			var de *cors.DocumentError
			var se *json.SyntaxError
			if !errors.As(err, &de) && !errors.As(err, &se) {
				t.Fatalf("%q: error %T %v is neither a DocumentError nor a syntax error", doc, err, err)
			}
			return
		}
		encoded, err := json.Marshal(cfg)
		if err != nil {
			t.Fatalf("%q: Marshal(%+v): %v", doc, cfg, err)
		}
		var again cors.Config
		if err := json.Unmarshal(encoded, &again); err != nil {
			t.Fatalf("%q decoded to %+v, whose encoding %s does not decode: %v", doc, cfg, encoded, err)
		}
		if !reflect.DeepEqual(again, cfg) {
			t.Fatalf("%q decoded to %+v\nits encoding %s decoded to %+v", doc, cfg, encoded, again)
		}
	})
}

// TestDocumentKeys: the keys documents may use are the json and yaml tags
// of Config's fields, but for those no document can set.
func TestDocumentKeys(t *testing.T) {
	var keys []string
	typ := reflect.TypeFor[cors.Config]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if yname, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); yname != name {
			t.Errorf("%s: json key %q, yaml key %q", f.Name, name, yname)
		}
		if name != "-" {
			keys = append(keys, name)
		}
	}
	for _, k := range keys {
		var cfg cors.Config
		err := cfg.UnmarshalJSON([]byte(`{"` + k + `": {}}`))
		if err == nil || strings.Contains(err.Error(), "unknown key") {
			t.Errorf("key %s: %v", k, err)
		}
	}
	var cfg cors.Config
	if err := cfg.UnmarshalJSON([]byte(`{"logger": 1, "allow_origin_func": 1}`)); err == nil {
		t.Error("a document set a field that has no key")
	}
}
