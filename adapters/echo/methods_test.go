package corsecho_test

import (
	"io"
	"net/http"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
)

// TestOPTIONSWithoutACRMReachesHandler proves that an OPTIONS request that
// is not a preflight (no Access-Control-Request-Method) reaches the route's
// OPTIONS handler, with the actual-request CORS headers when it has an
// allowed Origin; and that on a route without an OPTIONS handler Echo's
// own OPTIONS answer (204 with Allow) gets them too.
func TestOPTIONSWithoutACRMReachesHandler(t *testing.T) {
	e := newEcho()
	e.Use(corsecho.New(testConfig()))
	e.OPTIONS("/opts", func(c echo.Context) error {
		c.Response().Header().Set("X-Handler", "ran")
		return c.String(http.StatusOK, "options body")
	})
	e.GET("/items", ok)

	w := serve(e, "OPTIONS", "/opts", "Origin", allowedOrigin)
	if w.Code != 200 || w.Header().Get("X-Handler") != "ran" || w.Body.String() != "options body" {
		t.Errorf("OPTIONS with Origin: %d %v %q", w.Code, w.Header(), w.Body)
	}
	wantActualCORS(t, w)

	w = serve(e, "OPTIONS", "/opts")
	if w.Code != 200 || w.Header().Get("X-Handler") != "ran" || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("OPTIONS without Origin: %d %v", w.Code, w.Header())
	}

	w = serve(e, "OPTIONS", "/items", "Origin", allowedOrigin)
	if w.Code != 204 || w.Header().Get("Allow") == "" {
		t.Errorf("OPTIONS to a GET route: %d %v, want Echo's 204 with Allow", w.Code, w.Header())
	}
	wantActualCORS(t, w)
}

// TestHEAD proves that a HEAD request to a route registered for HEAD runs
// its handler and gets the CORS headers and no body over a real
// connection, and that Echo's 405 for a GET-only route carries them too.
func TestHEAD(t *testing.T) {
	e := newEcho()
	e.Use(corsecho.New(testConfig()))
	e.Match([]string{"GET", "HEAD"}, "/items", ok)
	e.GET("/get-only", ok)
	srv := serverFor(t, e)

	r, _ := http.NewRequest("HEAD", srv.URL+"/items", nil)
	r.Header.Set("Origin", allowedOrigin)
	resp, err := srv.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	h := resp.Header
	if resp.StatusCode != 200 || h.Get("X-Handler") != "ran" || len(body) != 0 ||
		h.Get("Access-Control-Allow-Origin") != allowedOrigin || !hasVary(h, "Origin") {
		t.Errorf("HEAD: %d %v %q", resp.StatusCode, h, body)
	}

	w := serve(e, "HEAD", "/get-only", "Origin", allowedOrigin)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("HEAD to a GET-only route: %d, want Echo's 405", w.Code)
	}
	wantActualCORS(t, w)
}
