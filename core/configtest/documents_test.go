package configtest

import (
	"encoding/json"
	"errors"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
	goccy "github.com/goccy/go-yaml"
	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
	sigsyaml "sigs.k8s.io/yaml"
)

// decoders are the ways a Go program reads a configuration document. The
// YAML libraries also read JSON, which is YAML.
var decoders = []struct {
	name   string
	decode func([]byte, any) error
	yaml   bool
}{
	{"encoding/json", json.Unmarshal, false},
	{"gopkg.in/yaml.v3", yamlv3.Unmarshal, true},
	{"gopkg.in/yaml.v2", yamlv2.Unmarshal, true},
	{"github.com/goccy/go-yaml", goccy.Unmarshal, true},
	{"sigs.k8s.io/yaml", func(data []byte, v any) error { return sigsyaml.Unmarshal(data, v) }, true},
}

// documents are YAML configuration documents. Each is also decoded as JSON:
// its twin that sigs.k8s.io/yaml.YAMLToJSON writes. The YAML avoids what
// YAML 1.1 and 1.2 read differently (yes, on, 0755): which scalar is what
// is the library's business, not the core's.
var documents = []struct {
	name   string
	yaml   string
	maxAge int      // the MaxAge it gives: max_age 0 is -1, an absent one 0
	errs   []string // for a document that does not decode: in the message, in order
}{
	{
		name: "FastAPI, every key",
		yaml: `
allow_origins:
  - https://app.example.com
  - "https://*.example.com"
allow_origin_regex: 'https://[a-z]+\.example\.org'
allow_methods: [PUT, DELETE]
allow_headers:
  - Authorization
  - X-Request-Id
allow_credentials: true
expose_headers: [X-Total]
max_age: 3600
allow_private_network: true
preflight_status: 200
preflight_passthrough: true
dangerously_allow_null_origin: true
dangerously_allow_insecure_origins: true
dangerously_allow_public_suffix_patterns: true
`,
		maxAge: 3600,
	},
	{
		name:   "max_age 0 sends 0",
		yaml:   "allow_origins: [\"https://app.example.com\"]\nmax_age: 0\n",
		maxAge: -1,
	},
	{
		name: "max_age absent",
		yaml: "allow_origins:\n- https://app.example.com\nallow_credentials: false\n",
	},
	{
		name: "max_age null",
		yaml: "max_age:\n",
	},
	{
		name:   "max_age n",
		yaml:   "max_age: 30\n",
		maxAge: 30,
	},
	{
		name:   "max_age negative",
		yaml:   "max_age: -1\n",
		maxAge: -1,
	},
	{
		name:   "max_age written as a float",
		yaml:   "max_age: 600.0\n",
		maxAge: 600,
	},
	{
		name: "empty lists and strings",
		yaml: "allow_methods: []\nallow_origin_regex: ''\n",
	},
	{
		name: "typo",
		yaml: "allow_origins: [\"https://app.example.com\"]\nallow_credential: true\n",
		errs: []string{`unknown key "allow_credential"; did you mean "allow_credentials"?`},
	},
	{
		name: "unknown keys, one close and one not",
		yaml: "maxage: 5\ncors_enabled: true\n",
		errs: []string{`unknown key "cors_enabled"` + "\n", `unknown key "maxage"; did you mean "max_age"?`},
	},
	{
		name: "a key that YAML reads as a number",
		yaml: "1: x\n",
		errs: []string{`unknown key "1"`},
	},
	{
		name: "origins a number",
		yaml: "allow_origins: 1\n",
		errs: []string{`allow_origins: want a list of strings, got a number`},
	},
	{
		name: "origins a single string",
		yaml: "allow_origins: https://app.example.com\n",
		errs: []string{`allow_origins: want a list of strings, got a string; write ["https://app.example.com"]`},
	},
	{
		name: "a method that is a number",
		yaml: "allow_methods:\n- PUT\n- 7\n",
		errs: []string{`allow_methods[1]: want a string, got a number`},
	},
	{
		name: "regex a list",
		yaml: "allow_origin_regex: [x]\n",
		errs: []string{`allow_origin_regex: want a string, got a list`},
	},
	{
		name: "credentials quoted",
		yaml: "allow_credentials: \"true\"\n",
		errs: []string{`allow_credentials: want true or false, got a string; write true without quotes`},
	},
	{
		name: "max_age a fraction",
		yaml: "max_age: 1.5\n",
		errs: []string{`max_age: want a whole number of seconds, got 1.5`},
	},
	{
		name: "max_age a duration",
		yaml: "max_age: 10m\n",
		errs: []string{`max_age: want a whole number of seconds, got a string`},
	},
	{
		name: "preflight_status a mapping",
		yaml: "preflight_status:\n  code: 200\n",
		errs: []string{`preflight_status: want an HTTP status such as 204, got a mapping`},
	},
	{
		name: "a list, not a mapping",
		yaml: "- allow_origins: [\"https://app.example.com\"]\n",
		errs: []string{`want a mapping of keys such as allow_origins, got a list`},
	},
	{
		name: "every problem at once",
		yaml: "allow_origin:\n- https://app.example.com\nallow_credentials: 'true'\nmax_age: 0.5\n",
		errs: []string{
			"allow_credentials: want true or false, got a string; write true without quotes\n",
			`unknown key "allow_origin"; did you mean "allow_origins"?` + "\n",
			"max_age: want a whole number of seconds, got 0.5",
		},
	},
}

// TestDocuments decodes each document, in YAML with every YAML library and
// as its JSON twin with every decoder, into a Config whose AllowOriginFunc
// and Logger are set: they must stay, and the rest must be the Config that
// encoding/json gives for the JSON twin; or every decoder must report the
// same problems.
func TestDocuments(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	for _, d := range documents {
		jsonTwin, err := sigsyaml.YAMLToJSON([]byte(d.yaml))
		if err != nil {
			t.Fatalf("%s: YAMLToJSON: %v", d.name, err)
		}
		var want cors.Config
		wantErr := json.Unmarshal(jsonTwin, &want)
		if (wantErr != nil) != (d.errs != nil) || want.MaxAge != d.maxAge {
			t.Fatalf("%s: encoding/json on %s: MaxAge %d (want %d), %v", d.name, jsonTwin, want.MaxAge, d.maxAge, wantErr)
		}
		for _, dec := range decoders {
			for format, text := range map[string][]byte{"YAML": []byte(d.yaml), "JSON": jsonTwin} {
				if format == "YAML" && !dec.yaml {
					continue
				}
				t.Run(d.name+"/"+dec.name+"/"+format, func(t *testing.T) {
					cfg := cors.Config{AllowOriginFunc: func(string) bool { return false }, Logger: logger}
					err := dec.decode(text, &cfg)
					if d.errs != nil {
						checkErrors(t, err, d.errs)
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					if cfg.AllowOriginFunc == nil || cfg.Logger != logger {
						t.Errorf("AllowOriginFunc or Logger lost")
					}
					cfg.AllowOriginFunc, cfg.Logger = nil, nil
					if !reflect.DeepEqual(cfg, want) {
						t.Errorf("\n got %+v\nwant %+v (encoding/json on %s)", cfg, want, jsonTwin)
					}
				})
			}
		}
	}
}

// checkErrors: every problem is in the message, in order, in the user's
// terms, and the first can be had with errors.As. The libraries add their
// own words around it (sigs.k8s.io/yaml: "error unmarshaling JSON: ").
func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatal("decoded")
	}
	msg := err.Error()
	rest := msg
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("error does not say, in this order, %q:\n%s", w, msg)
			return
		}
		rest = rest[i+len(w):]
	}
	for _, goName := range []string{"configFields", "cors.Config", "[]string", "interface", "map[", "float64", "uint64", "json.Number"} {
		if strings.Contains(msg, goName) {
			t.Errorf("error speaks Go (%q):\n%s", goName, msg)
		}
	}
	var de *cors.DocumentError
	if !errors.As(err, &de) {
		t.Errorf("errors.As(%T, *cors.DocumentError) = false", err)
	} else if !strings.Contains(de.Error(), strings.TrimSuffix(want[0], "\n")) {
		t.Errorf("errors.As gave %q, want the first problem, %q", de, want[0])
	}
}
