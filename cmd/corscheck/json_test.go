package main

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestJSONShape(t *testing.T) {
	const api = "https://api.example.com/items"
	// The documented fields of the -json objects (see checkReport and
	// auditReport, and the README).
	checkFields := []string{"verdict", "request", "requests", "responses", "failure", "message", "fix", "preflightCacheSeconds", "warnings", "error"}
	auditFields := []string{"url", "trusted", "verdict", "findings", "requests", "responses", "error"}
	for _, c := range []struct {
		name     string
		handler  http.HandlerFunc
		args     []string
		fields   []string
		verdict  string
		required []string // present whatever the verdict
	}{
		{"check readable", strict, []string{"-json", "-origin", trusted, "-method", "PUT", "-H", "X-Custom: 1", api}, checkFields, "readable",
			[]string{"verdict", "request", "requests", "responses", "failure", "warnings", "preflightCacheSeconds"}},
		{"check blocked", strict, []string{"-json", "-origin", "https://other.example", api}, checkFields, "blocked",
			[]string{"verdict", "request", "requests", "responses", "failure", "message", "fix", "warnings"}},
		{"audit", reflecting, []string{"audit", "-json", "-origin", trusted, api}, auditFields, "fail",
			[]string{"url", "trusted", "verdict", "findings", "requests", "responses"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, out, _ := runWith(c.handler, c.args...)
			var obj map[string]json.RawMessage
			if err := json.Unmarshal([]byte(out), &obj); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out)
			}
			wantKeys(t, "", obj, c.fields, c.required)
			if v := string(obj["verdict"]); v != `"`+c.verdict+`"` {
				t.Errorf("verdict %s, want %q", v, c.verdict)
			}
			wantParallel(t, obj)
			if f, ok := obj["findings"]; ok {
				wantFindings(t, f)
			}
		})
	}
}

// wantKeys checks that obj has only documented keys and every required one.
func wantKeys(t *testing.T, where string, obj map[string]json.RawMessage, documented, required []string) {
	t.Helper()
	for k := range obj {
		if !slices.Contains(documented, k) {
			t.Errorf("%sundocumented field %q", where, k)
		}
	}
	for _, k := range required {
		if _, ok := obj[k]; !ok {
			t.Errorf("%smissing field %q; have %q", where, k, slices.Sorted(maps.Keys(obj)))
		}
	}
}

// wantParallel checks that requests and responses are arrays of one length.
func wantParallel(t *testing.T, obj map[string]json.RawMessage) {
	t.Helper()
	var reqs []sentRequest
	var ress []struct {
		Status  int                 `json:"status"`
		Headers map[string][]string `json:"headers"`
	}
	if json.Unmarshal(obj["requests"], &reqs) != nil || json.Unmarshal(obj["responses"], &ress) != nil {
		t.Fatalf("requests %s, responses %s: want arrays", obj["requests"], obj["responses"])
	}
	if len(reqs) == 0 || len(reqs) != len(ress) {
		t.Errorf("%d requests and %d responses", len(reqs), len(ress))
	}
	for _, r := range reqs {
		if r.Step == "" || r.Method == "" || !strings.HasPrefix(r.URL, "https://") {
			t.Errorf("request %+v lacks step, method or url", r)
		}
	}
}

// wantFindings checks the fields of each finding.
func wantFindings(t *testing.T, raw json.RawMessage) {
	t.Helper()
	var fs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fs); err != nil || len(fs) == 0 {
		t.Fatalf("findings %s: %v", raw, err)
	}
	findingFields := []string{"id", "severity", "title", "fix", "request", "response"}
	for i, f := range fs {
		wantKeys(t, "finding "+string(f["id"])+": ", f, findingFields, findingFields)
		if i == 0 && string(f["severity"]) != `"critical"` {
			t.Errorf("the worst finding first: got %s", f["severity"])
		}
	}
}
