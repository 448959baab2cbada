package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// Response headers of the /api/expose route: the policies of the tests
// expose the first and not the second.
const (
	exposedHeader = "X-Exposed"
	hiddenHeader  = "X-Hidden"
)

// echoed is the JSON body of the /api/echo route: what the application
// handler saw of the request.
type echoed struct {
	Method string `json:"method"`
	Custom string `json:"custom"` // the X-Custom request header
	Body   string `json:"body"`
	Cookie string `json:"cookie"`
}

// appHandler returns the application every implementation serves under
// /api/. It is written once, with net/http, and mounted in each framework.
// Every response but /api/cacheable forbids caching, so that cases never
// see each other's responses.
func appHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/echo", echoRequest)
	mux.HandleFunc("/api/cookie", serveSetCookie)
	mux.HandleFunc("/api/expose", serveExpose)
	mux.HandleFunc("/api/status/{code}", serveStatus)
	mux.HandleFunc("/api/cacheable", serveCacheable)
	return mux
}

// echoRequest answers any method with what it saw of the request.
func echoRequest(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(echoed{
		Method: r.Method,
		Custom: r.Header.Get("X-Custom"),
		Body:   string(body),
		Cookie: r.Header.Get("Cookie"),
	})
}

// serveSetCookie sets the cookie named by the query's name and value
// parameters, for the whole host.
func serveSetCookie(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	http.SetCookie(w, &http.Cookie{
		Name: q.Get("name"), Value: q.Get("value"), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "cookie set\n")
}

// serveExpose sends one header the policies expose and one they do not.
func serveExpose(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set(exposedHeader, "shown")
	w.Header().Set(hiddenHeader, "secret")
	io.WriteString(w, "two headers\n")
}

// serveStatus answers with the status in the path, as a failing handler
// would.
func serveStatus(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.PathValue("code"))
	if err != nil || code < 200 || code > 599 {
		code = http.StatusBadRequest
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	io.WriteString(w, "status "+strconv.Itoa(code)+" from the handler\n")
}

// serveCacheable answers with a response that any cache may keep for ten
// minutes.
func serveCacheable(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=600")
	io.WriteString(w, "cacheable\n")
}
