package demo

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"

	cors "github.com/corskit/corskit/core"
)

//go:embed static
var staticFiles embed.FS

// pageConfig is what the page reads from /config.json on its own origin.
type pageConfig struct {
	Role       string `json:"role"` // "allowed" or "disallowed"
	Framework  string `json:"framework"`
	API        string `json:"api"`
	Allowed    string `json:"allowed"`
	Disallowed string `json:"disallowed"`
	Policy     string `json:"policy"` // Go source
}

// newFrontend returns one frontend: the page, its configuration and the
// stream of the policy's decisions.
//
// The stream is served here, on the page's own origin, not by the API. An
// EventSource to the API would be a cross-origin request like any other:
// the API would have to allow the disallowed frontend too, with a second,
// more permissive policy on that one endpoint, and the page on 3001 would
// then receive an Access-Control-Allow-Origin from the very API that is
// meant to refuse it. Same-origin, the stream needs no CORS at all and the
// policy under demonstration stays exactly as shown.
func newFrontend(d *Demo, role string, policy cors.Config) http.Handler {
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	cfg, _ := json.Marshal(pageConfig{
		Role: role, Framework: d.framework, API: d.APIURL(),
		Allowed: d.AllowedURL(), Disallowed: d.DisallowedURL(), Policy: goSource(policy),
	})
	mux := http.NewServeMux()
	mux.Handle("GET /", noStore(http.FileServerFS(static)))
	mux.HandleFunc("GET /config.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(cfg)
	})
	mux.Handle("GET /events", d.log)
	return mux
}

// noStore keeps browsers from caching the page between runs of the demo.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
