package cors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	cors "github.com/corskit/corskit/core"
)

// A net/http server (the same works for chi, gorilla/mux and any router
// built on http.Handler): wrap the whole router, so that preflights to every
// path are answered.
func Example_netHTTP() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `["apple"]`)
	})
	policy, err := cors.New(cors.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	handler := policy.Handler(mux)

	// A preflight from an allowed origin, as a browser sends it.
	r := httptest.NewRequest("OPTIONS", "/api/items", nil)
	r.Header.Set("Origin", "https://app.example.com")
	r.Header.Set("Access-Control-Request-Method", "PUT")
	r.Header.Set("Access-Control-Request-Headers", "authorization")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, r)
	fmt.Println(w.Code)
	fmt.Println(w.Header().Get("Access-Control-Allow-Origin"))
	fmt.Println(w.Header().Get("Access-Control-Allow-Methods"))
	// Output:
	// 204
	// https://app.example.com
	// PUT, DELETE
}

// Every problem of a configuration is reported at once, each with the field,
// the value and the fix.
func Example_configError() {
	_, err := cors.New(cors.Config{
		AllowOrigins:     []string{"https://app.example.com/", "*"},
		AllowCredentials: true,
	})
	fmt.Println(err)

	var ce *cors.ConfigError
	if errors.As(err, &ce) {
		fmt.Println(ce.Field, "->", ce.Fix)
	}
	// Output:
	// cors: AllowOrigins[0] "https://app.example.com/" has a trailing slash (browsers send none); use "https://app.example.com"
	// cors: AllowOrigins[1] "*" allows every origin together with AllowCredentials, which lets any site read your users' data; list the trusted origins, or turn AllowCredentials off
	// AllowOrigins[0] -> use "https://app.example.com"
}

// A configuration written for FastAPI's CORSMiddleware reads the same.
func Example_json() {
	const doc = `{
		"allow_origins": ["https://app.example.com"],
		"allow_origin_regex": "https://[a-z0-9-]+\\.preview\\.example\\.com",
		"allow_methods": ["GET", "POST", "PUT"],
		"allow_headers": ["Authorization"],
		"allow_credentials": true,
		"max_age": 3600
	}`
	var cfg cors.Config
	if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
		log.Fatal(err)
	}
	policy := cors.MustNew(cfg)
	d := policy.Decide(cors.Request{Method: "GET", Origin: []string{"https://pr-42.preview.example.com"}})
	fmt.Println(d)
	// Output: actual request allowed
}

// A policy can be replaced while it serves requests, for instance when the
// allowed origins come from a database.
func Example_update() {
	policy := cors.MustNew(cors.Config{AllowOrigins: []string{"https://old.example.com"}})
	// ... install policy.Handler(mux) (or an adapter's FromPolicy) once ...

	if err := policy.Update(cors.Config{AllowOrigins: []string{"https://new.example.com"}}); err != nil {
		log.Print(err) // the old configuration stays in force
	}
	for _, origin := range []string{"https://old.example.com", "https://new.example.com"} {
		fmt.Println(origin, policy.Decide(cors.Request{Method: "GET", Origin: []string{origin}}).Allowed)
	}
	// Output:
	// https://old.example.com false
	// https://new.example.com true
}

// Decide is a pure function: it tells what a request is, whether it is
// allowed and why, and what the response must carry.
func ExamplePolicy_Decide() {
	policy := cors.MustNew(cors.Config{
		AllowOrigins: []string{"https://app.example.com"},
		AllowHeaders: []string{"X-Request-Id"},
	})
	d := policy.Decide(cors.Request{
		Method:         "OPTIONS",
		Origin:         []string{"https://app.example.com"},
		RequestMethod:  []string{"POST"},
		RequestHeaders: []string{"x-request-id,x-debug"},
	})
	fmt.Println(d)
	fmt.Println(d.Status, d.Body)
	for name, value := range d.Fields() {
		fmt.Printf("%s: %s\n", name, value)
	}
	// The origin is allowed, so the response passes the browser's CORS check
	// but grants no header: the browser reports that x-debug is not allowed.
	// From an origin that is not allowed, the answer is a bare 403.

	// Output:
	// preflight rejected: request header not allowed: "x-debug"
	// 200 CORS preflight rejected: request header
	//
	// Access-Control-Allow-Origin: https://app.example.com
	// Content-Type: text/plain; charset=utf-8
	// X-Content-Type-Options: nosniff
}

// Fields lists the header fields of an allowed preflight's response.
func ExampleDecision_Fields() {
	policy := cors.MustNew(cors.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT"},
		AllowCredentials: true,
		MaxAge:           300,
	})
	d := policy.Decide(cors.Request{
		Method:        "OPTIONS",
		Origin:        []string{"https://app.example.com"},
		RequestMethod: []string{"PUT"},
	})
	for name, value := range d.Fields() {
		fmt.Printf("%s: %s\n", name, value)
	}
	fmt.Println("Vary:", d.Vary)
	// Output:
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Allow-Credentials: true
	// Access-Control-Allow-Methods: PUT
	// Access-Control-Max-Age: 300
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}
