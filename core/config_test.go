package cors_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

const app = "https://app.example.com"

func withOrigins(cfg cors.Config) cors.Config {
	if cfg.AllowOrigins == nil && cfg.AllowOriginRegex == "" && cfg.AllowOriginFunc == nil {
		cfg.AllowOrigins = []string{app}
	}
	return cfg
}

// TestConfigErrors has one case per configuration rule: the error names the
// field, quotes the value and says how to fix it.
func TestConfigErrors(t *testing.T) {
	cases := []struct {
		name  string
		cfg   cors.Config
		field string // ConfigError.Field
		value string // ConfigError.Value
		want  string // in the message: the problem or the fix
	}{
		{"trailing slash", cors.Config{AllowOrigins: []string{"https://example.com/"}}, "AllowOrigins[0]", "https://example.com/", `trailing slash (browsers send none); use "https://example.com"`},
		{"path", cors.Config{AllowOrigins: []string{"https://example.com/app"}}, "AllowOrigins[0]", "https://example.com/app", `use "https://example.com"`},
		{"upper case", cors.Config{AllowOrigins: []string{"https://Example.COM"}}, "AllowOrigins[0]", "https://Example.COM", `use "https://example.com"`},
		{"upper-case scheme", cors.Config{AllowOrigins: []string{"HTTPS://example.com"}}, "AllowOrigins[0]", "HTTPS://example.com", `use "https://example.com"`},
		{"default https port", cors.Config{AllowOrigins: []string{"https://example.com:443"}}, "AllowOrigins[0]", "https://example.com:443", `use "https://example.com"`},
		{"default http port", cors.Config{AllowOrigins: []string{"http://localhost:80"}}, "AllowOrigins[0]", "http://localhost:80", `use "http://localhost"`},
		{"no scheme", cors.Config{AllowOrigins: []string{"example.com"}}, "AllowOrigins[0]", "example.com", `use "https://example.com"`},
		{"white space", cors.Config{AllowOrigins: []string{" https://example.com"}}, "AllowOrigins[0]", " https://example.com", `use "https://example.com"`},
		{"unicode host", cors.Config{AllowOrigins: []string{"https://bücher.example"}}, "AllowOrigins[0]", "https://bücher.example", `use "https://xn--bcher-kva.example"`},
		{"user info", cors.Config{AllowOrigins: []string{"https://u@example.com"}}, "AllowOrigins[0]", "https://u@example.com", "user information"},
		{"bad port", cors.Config{AllowOrigins: []string{"https://example.com:08080"}}, "AllowOrigins[0]", "https://example.com:08080", "invalid port"},
		{"empty port", cors.Config{AllowOrigins: []string{"https://example.com:"}}, "AllowOrigins[0]", "https://example.com:", "empty port"},
		{"bad host", cors.Config{AllowOrigins: []string{"https://exa mple.com"}}, "AllowOrigins[0]", "https://exa mple.com", "invalid host"},
		{"empty label", cors.Config{AllowOrigins: []string{"https://a..example.com"}}, "AllowOrigins[0]", "https://a..example.com", "invalid host"},
		{"bad scheme", cors.Config{AllowOrigins: []string{"1http://example.com"}}, "AllowOrigins[0]", "1http://example.com", "invalid scheme"},
		{"non-canonical IPv6", cors.Config{AllowOrigins: []string{"http://[0:0::1]:8080"}}, "AllowOrigins[0]", "http://[0:0::1]:8080", `use "http://[::1]:8080"`},
		{"bad IPv6", cors.Config{AllowOrigins: []string{"http://[zz]"}}, "AllowOrigins[0]", "http://[zz]", "invalid IPv6"},
		{"near wildcard", cors.Config{AllowOrigins: []string{"h*"}}, "AllowOrigins[0]", "h*", "has no scheme"},
		{"glob in label", cors.Config{AllowOrigins: []string{"https://*example.com"}}, "AllowOrigins[0]", "https://*example.com", "not a whole label"},
		{"glob at end", cors.Config{AllowOrigins: []string{"https://api.*"}}, "AllowOrigins[0]", "https://api.*", "not a whole label"},
		{"glob in path", cors.Config{AllowOrigins: []string{"https://example.com/*"}}, "AllowOrigins[0]", "https://example.com/*", "wildcard in its path"},
		{"glob in middle", cors.Config{AllowOrigins: []string{"https://a.*.example.com"}}, "AllowOrigins[0]", "https://a.*.example.com", "not a whole label"},
		{"partial port glob", cors.Config{AllowOrigins: []string{"http://localhost:80*"}}, "AllowOrigins[0]", "http://localhost:80*", "partial port"},
		{"wildcard before IP", cors.Config{AllowOrigins: []string{"http://*.127.0.0.1"}}, "AllowOrigins[0]", "http://*.127.0.0.1", "IP address"},
		{"null", cors.Config{AllowOrigins: []string{"null"}}, "AllowOrigins[0]", "null", "DangerouslyAllowNullOrigin"},
		{"any origin with credentials", cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}, "AllowOrigins[0]", "*", "turn AllowCredentials off"},
		{"any origin with others", cors.Config{AllowOrigins: []string{"*", app}}, "AllowOrigins[0]", "*", `keep "*" alone`},
		{"any origin with a regex", cors.Config{AllowOrigins: []string{"*"}, AllowOriginRegex: "x"}, "AllowOrigins[0]", "*", `keep "*" alone`},
		{"two wildcards", cors.Config{AllowOrigins: []string{"https://*.*.example.com"}}, "AllowOrigins[0]", "https://*.*.example.com", `more than one "*" (one already stands for one or more labels); use "https://*.example.com"`},
		{"nothing allowed", cors.Config{AllowMethods: []string{"PUT"}}, "AllowOrigins", "", "no origin could ever be allowed"},
		{"insecure with credentials", cors.Config{AllowOrigins: []string{"http://app.example.com"}, AllowCredentials: true}, "AllowOrigins[0]", "http://app.example.com", "DangerouslyAllowInsecureOrigins"},
		{"public suffix pattern with credentials", cors.Config{AllowOrigins: []string{"https://*.com"}, AllowCredentials: true}, "AllowOrigins[0]", "https://*.com", "DangerouslyAllowPublicSuffixPatterns"},
		{"private public suffix with credentials", cors.Config{AllowOrigins: []string{"https://*.github.io"}, AllowCredentials: true}, "AllowOrigins[0]", "https://*.github.io", "DangerouslyAllowPublicSuffixPatterns"},
		{"pattern above a public suffix with credentials", cors.Config{AllowOrigins: []string{"https://*.amazonaws.com"}, AllowCredentials: true}, "AllowOrigins[0]", "https://*.amazonaws.com", "DangerouslyAllowPublicSuffixPatterns"},
		{"pattern above a deeper public suffix with credentials", cors.Config{AllowOrigins: []string{"https://*.compute.amazonaws.com"}, AllowCredentials: true}, "AllowOrigins[0]", "https://*.compute.amazonaws.com", "DangerouslyAllowPublicSuffixPatterns"},
		{"pattern over a wildcard public suffix with credentials", cors.Config{AllowOrigins: []string{"https://*.kawasaki.jp"}, AllowCredentials: true}, "AllowOrigins[0]", "https://*.kawasaki.jp", "DangerouslyAllowPublicSuffixPatterns"},
		{"regex matching any origin with credentials", cors.Config{AllowOriginRegex: "https://.*", AllowCredentials: true}, "AllowOriginRegex", "https://.*", "under a public suffix"},
		{"regex matching plain http with credentials", cors.Config{AllowOriginRegex: `https?://app\.example\.com`, AllowCredentials: true}, "AllowOriginRegex", `https?://app\.example\.com`, `plain-HTTP origin ("http://app.example.com")`},
		{"regex matching plain http beside loopback", cors.Config{AllowOriginRegex: `http://(localhost|app\.example\.com)`, AllowCredentials: true}, "AllowOriginRegex", `http://(localhost|app\.example\.com)`, `"http://app.example.com"`},
		{"regex under a private public suffix with credentials", cors.Config{AllowOriginRegex: `https://[a-z0-9-]+\.github\.io`, AllowCredentials: true}, "AllowOriginRegex", `https://[a-z0-9-]+\.github\.io`, "DangerouslyAllowPublicSuffixPatterns"},
		{"regex does not compile", cors.Config{AllowOriginRegex: "https://(x"}, "AllowOriginRegex", "https://(x", "does not compile"},
		{"regex escaping its anchors", cors.Config{AllowOriginRegex: `https://app\.example\.com)|(?:x`}, "AllowOriginRegex", `https://app\.example\.com)|(?:x`, "unexpected )"},
		{"method not a token", withOrigins(cors.Config{AllowMethods: []string{"PUT DELETE"}}), "AllowMethods[0]", "PUT DELETE", "not an HTTP method"},
		{"CONNECT", withOrigins(cors.Config{AllowMethods: []string{"connect"}}), "AllowMethods[0]", "connect", "forbidden method"},
		{"TRACE", withOrigins(cors.Config{AllowMethods: []string{"TRACE"}}), "AllowMethods[0]", "TRACE", "forbidden method"},
		{"TRACK", withOrigins(cors.Config{AllowMethods: []string{"Track"}}), "AllowMethods[0]", "Track", "forbidden method"},
		{"header not a token", withOrigins(cors.Config{AllowHeaders: []string{"X-A:"}}), "AllowHeaders[0]", "X-A:", "not a header name"},
		{"exposed header not a token", withOrigins(cors.Config{ExposeHeaders: []string{"a b"}}), "ExposeHeaders[0]", "a b", "not a header name"},
		{"expose Set-Cookie", withOrigins(cors.Config{ExposeHeaders: []string{"set-cookie"}}), "ExposeHeaders[0]", "set-cookie", "never be exposed"},
		{"expose * with credentials", withOrigins(cors.Config{ExposeHeaders: []string{"*"}, AllowCredentials: true}), "ExposeHeaders[0]", "*", "list the headers"},
		{"max age too large", withOrigins(cors.Config{MaxAge: 86401}), "MaxAge", "86401", "at most 86400"},
		{"preflight status 302", withOrigins(cors.Config{PreflightStatus: 302}), "PreflightStatus", "302", "use 204"},
		{"preflight status 100", withOrigins(cors.Config{PreflightStatus: 100}), "PreflightStatus", "100", "use 204"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := cors.New(c.cfg)
			if err == nil {
				t.Fatalf("New accepted %+v", c.cfg)
			}
			if p != nil {
				t.Errorf("New returned a policy with an error")
			}
			var ce *cors.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *ConfigError", err)
			}
			if ce.Field != c.field || ce.Value != c.value {
				t.Errorf("Field, Value = %q, %q; want %q, %q", ce.Field, ce.Value, c.field, c.value)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.want) || !strings.Contains(msg, c.field) {
				t.Errorf("message %q lacks %q or %q", msg, c.want, c.field)
			}
			if ce.Fix == "" {
				t.Errorf("no fix in %q", msg)
			}
		})
	}
}

// TestConfigErrorsAllAtOnce: every problem is reported, not just the first.
func TestConfigErrorsAllAtOnce(t *testing.T) {
	_, err := cors.New(cors.Config{
		AllowOrigins:  []string{"https://a.example/", "*"},
		AllowMethods:  []string{"TRACE"},
		AllowHeaders:  []string{"bad header"},
		ExposeHeaders: []string{"Set-Cookie"},
		MaxAge:        1e6,
	})
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *cors.ConfigError
		if errors.As(e, &ce) {
			fields = append(fields, ce.Field)
		}
	}
	want := "AllowOrigins[0] AllowOrigins[1] AllowMethods[0] AllowHeaders[0] ExposeHeaders[0] MaxAge"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("fields = %s\nwant     %s", got, want)
	}
}

// TestConfigAccepted: the documented forms and the Dangerously opt-ins.
func TestConfigAccepted(t *testing.T) {
	for _, cfg := range []cors.Config{
		{AllowOrigins: []string{"*"}},
		{AllowOrigins: []string{"https://example.com", "https://*.example.com", "http://localhost:*", "https://*.example.com:*"}},
		{AllowOrigins: []string{"http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:8080", "http://app.localhost"}, AllowCredentials: true},
		{AllowOrigins: []string{"https://xn--bcher-kva.example", "chrome-extension://abcdefghijklmnop"}},
		{AllowOrigins: []string{"http://*.localhost:3000"}, AllowCredentials: true},
		{AllowOrigins: []string{"null"}, DangerouslyAllowNullOrigin: true},
		{AllowOrigins: []string{"http://app.example.com"}, AllowCredentials: true, DangerouslyAllowInsecureOrigins: true},
		{AllowOrigins: []string{"https://*.github.io"}, AllowCredentials: true, DangerouslyAllowPublicSuffixPatterns: true},
		{AllowOrigins: []string{"https://*.github.io"}},
		{AllowOriginRegex: `https://[a-z]+\.example\.com`},
		{AllowOriginRegex: `https://[a-z0-9-]+\.example\.com`, AllowCredentials: true},
		{AllowOriginRegex: `https://([a-z]+\.)?example\.co\.uk(:\d+)?`, AllowCredentials: true},
		{AllowOriginRegex: `http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?`, AllowCredentials: true},
		{AllowOriginRegex: `https?://app\.example\.com`, AllowCredentials: true, DangerouslyAllowInsecureOrigins: true},
		{AllowOriginRegex: `https://[a-z0-9-]+\.github\.io`, AllowCredentials: true, DangerouslyAllowPublicSuffixPatterns: true},
		{AllowOriginRegex: `https?://[a-z0-9-]+\.github\.io`},
		{AllowOrigins: []string{"https://*.city.kawasaki.jp", "https://*.example.com"}, AllowCredentials: true},
		{AllowOriginFunc: func(string) bool { return false }},
		{AllowOrigins: []string{app}, AllowMethods: []string{"*", "patch", "PURGE"}, AllowHeaders: []string{"*"}, ExposeHeaders: []string{"*"}},
		{AllowOrigins: []string{app}, MaxAge: 86400, PreflightStatus: 200},
		{AllowOrigins: []string{app}, MaxAge: -1, PreflightStatus: 299},
	} {
		if _, err := cors.New(cfg); err != nil {
			t.Errorf("New(%+v): %v", cfg, err)
		}
	}
}

// TestConfigErrorText: each problem is reported once, in the user's terms:
// numbers unquoted, an empty field without a value.
func TestConfigErrorText(t *testing.T) {
	for _, c := range []struct {
		cfg  cors.Config
		want string
	}{
		{withOrigins(cors.Config{MaxAge: 86401}), `cors: MaxAge 86401 is more than a day`},
		{withOrigins(cors.Config{PreflightStatus: 302}), `cors: PreflightStatus 302 is not a success status`},
		{cors.Config{}, `cors: AllowOrigins is empty and so are AllowOriginRegex and AllowOriginFunc`},
		{cors.Config{AllowOrigins: []string{""}}, `cors: AllowOrigins[0] "" has no scheme`},
		{cors.Config{AllowOrigins: []string{"*", app}, AllowCredentials: true}, `cors: AllowOrigins[0] "*" allows every origin together with AllowCredentials`},
		{cors.Config{AllowOrigins: []string{"*", app}}, `cors: AllowOrigins[0] "*" stands beside other ways of allowing origins`},
		{cors.Config{AllowOrigins: []string{"https://*.*.example.com"}}, `cors: AllowOrigins[0] "https://*.*.example.com" has more than one "*"`},
		{cors.Config{AllowOriginRegex: `https://app\.example\.com)|(?:x`}, "cors: AllowOriginRegex \"https://app\\\\.example\\\\.com)|(?:x\" does not compile: unexpected )"},
	} {
		_, err := cors.New(c.cfg)
		if err == nil {
			t.Errorf("New(%+v) accepted", c.cfg)
			continue
		}
		if got := err.Error(); strings.Count(got, "\n") != 0 || !strings.HasPrefix(got, c.want) {
			t.Errorf("New(%+v):\n got %s\nwant one error starting %s", c.cfg, got, c.want)
		}
	}
}

func TestMustNewPanicsWithTheError(t *testing.T) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !strings.Contains(err.Error(), `AllowOrigins[0] "https://x.example/" has a trailing slash`) {
			t.Errorf("recovered %v", r)
		}
	}()
	cors.MustNew(cors.Config{AllowOrigins: []string{"https://x.example/"}})
}

// TestConfigJSON: a FastAPI-style JSON document, including the max_age rule.
func TestConfigJSON(t *testing.T) {
	const doc = `{
		"allow_origins": ["https://app.example.com"],
		"allow_origin_regex": "https://[a-z]+\\.example\\.org",
		"allow_methods": ["PUT"],
		"allow_headers": ["X-Token"],
		"allow_credentials": true,
		"expose_headers": ["X-Total"],
		"max_age": 0,
		"allow_private_network": true
	}`
	var cfg cors.Config
	if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.MaxAge != -1 || !cfg.AllowCredentials || cfg.AllowOriginRegex == "" || len(cfg.ExposeHeaders) != 1 || !cfg.AllowPrivateNetwork {
		t.Fatalf("decoded %+v", cfg)
	}
	p := cors.MustNew(cfg)
	d := p.Decide(cors.Request{Method: "OPTIONS", Origin: []string{"https://abc.example.org"}, RequestMethod: []string{"PUT"}})
	if got := fields(d)["Access-Control-Max-Age"]; got != "0" {
		t.Errorf(`"max_age": 0 sent Max-Age %q, want "0"`, got)
	}

	var absent cors.Config
	if err := json.Unmarshal([]byte(`{"allow_origins": ["https://app.example.com"]}`), &absent); err != nil {
		t.Fatal(err)
	}
	d = cors.MustNew(absent).Decide(cors.Request{Method: "OPTIONS", Origin: []string{app}, RequestMethod: []string{"GET"}})
	if got := fields(d)["Access-Control-Max-Age"]; got != "600" {
		t.Errorf("absent max_age sent Max-Age %q, want 600", got)
	}

	out, err := json.Marshal(cors.Config{AllowOrigins: []string{app}, MaxAge: 60})
	if err != nil || string(out) != `{"allow_origins":["https://app.example.com"],"max_age":60}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
}

// TestConfigYAML exercises UnmarshalYAML with the callback a YAML library
// passes; here it is backed by encoding/json to keep the core free of YAML.
func TestConfigYAML(t *testing.T) {
	for doc, want := range map[string]int{
		`{"allow_origins": ["https://app.example.com"], "max_age": 0}`:  -1,
		`{"allow_origins": ["https://app.example.com"], "max_age": 30}`: 30,
		`{"allow_origins": ["https://app.example.com"]}`:                0,
	} {
		var cfg cors.Config
		err := cfg.UnmarshalYAML(func(v any) error { return json.Unmarshal([]byte(doc), v) })
		if err != nil || cfg.MaxAge != want || len(cfg.AllowOrigins) != 1 {
			t.Errorf("%s: %+v, %v; want MaxAge %d", doc, cfg, err, want)
		}
	}
}

// TestConfigIsCopied: changing the caller's slices after New changes nothing.
func TestConfigIsCopied(t *testing.T) {
	origins := []string{app}
	p := cors.MustNew(cors.Config{AllowOrigins: origins})
	origins[0] = "https://evil.example"
	if got := p.Config().AllowOrigins[0]; got != app {
		t.Errorf("Config().AllowOrigins[0] = %q", got)
	}
	p.Config().AllowOrigins[0] = "https://evil.example"
	if d := p.Decide(cors.Request{Method: "GET", Origin: []string{app}}); !d.Allowed {
		t.Errorf("policy changed through Config(): %v", d)
	}
}
