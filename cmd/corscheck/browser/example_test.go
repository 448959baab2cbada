package browser_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// A PUT with a JSON body needs a preflight; a preflight response that
// allows the method but not Content-Type makes the browser refuse, with
// the message Chromium prints to the console.
func Example() {
	r := browser.Request{
		Method: "PUT",
		URL:    "https://api.example.com/items/1",
		Origin: "https://app.example.com",
		Header: http.Header{"Content-Type": {"application/json"}},
	}
	fmt.Println("preflight:", r.NeedsPreflight())
	fmt.Println("it asks for:", r.PreflightHeader().Get("Access-Control-Request-Headers"))

	f := browser.CheckPreflight(r, browser.Response{Status: 204, Header: http.Header{
		"Access-Control-Allow-Origin":  {"https://app.example.com"},
		"Access-Control-Allow-Methods": {"PUT"},
	}})
	fmt.Println(f.Kind)
	fmt.Println(f.Message(r))
	fmt.Println(f.Fix(r))
	// Output:
	// preflight: true
	// it asks for: content-type
	// HeaderDisallowedByPreflightResponse
	// Access to fetch at 'https://api.example.com/items/1' from origin 'https://app.example.com' has been blocked by CORS policy: Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.
	// Add content-type to Access-Control-Allow-Headers in the preflight response (with credentials '*' is a literal name).
}

// Fetch sends the preflight and the actual request as the browser would.
func ExampleFetch() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") == "https://app.example.com" {
			w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
			w.Header().Set("Access-Control-Allow-Methods", "DELETE")
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	res, err := browser.Fetch(context.Background(), http.DefaultTransport, browser.Request{
		Method: "DELETE", URL: srv.URL + "/items/1", Origin: "https://app.example.com",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ex := range res.Exchanges {
		fmt.Println(ex.Step, ex.Method, ex.Response.Status)
	}
	fmt.Println("readable:", res.Failure == nil, "preflight cached for", res.PreflightLifetime)
	for _, w := range res.Warnings {
		fmt.Println("warning:", w.ID)
	}
	// Output:
	// preflight OPTIONS 204
	// actual DELETE 204
	// readable: true preflight cached for 5s
	// warning: vary-origin-missing
}
