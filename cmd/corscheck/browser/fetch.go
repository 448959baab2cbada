package browser

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// An Exchange is one request the browser sent and the response it got.
type Exchange struct {
	// Step is "preflight" or "actual".
	Step string `json:"step"`
	// Method and URL are the request line.
	Method string `json:"method"`
	URL    string `json:"url"`
	// Header holds the request's header fields.
	Header http.Header `json:"headers"`
	// Response is what came back.
	Response Response `json:"response"`
}

// A Result is what the browser did for a Request.
type Result struct {
	// Exchanges holds the preflight, when one was needed, then the actual
	// request, when the preflight let it through.
	Exchanges []Exchange
	// Failure is why the browser refused, or nil when the page may read the
	// actual response.
	Failure *Failure
	// PreflightLifetime is how long Chromium would cache the preflight;
	// zero when none was sent or it failed.
	PreflightLifetime time.Duration
	// Warnings holds what works today but may break later.
	Warnings []Warning
}

// A RedirectError reports an actual response that redirects and passes
// the CORS check: a browser would follow it, which Fetch does not.
type RedirectError struct {
	Status   int
	Location string
}

// Error implements error.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("the response is a redirect (%d) to %s: the browser would follow it, checking CORS again there (with Origin: null if it leaves the origin); check that URL itself", e.Status, e.Location)
}

// Fetch does for r what a browser does: it sends the preflight when r needs
// one and checks it, then sends the actual request and checks its response.
// It sends every request through rt, which must not follow redirects (an
// http.Transport does not). It returns an error, with the Result so far,
// only when a request could not be completed; a refusal is a Result with
// a Failure.
func Fetch(ctx context.Context, rt http.RoundTripper, r Request) (*Result, error) {
	res := &Result{}
	if r.NeedsPreflight() {
		ex, err := Send(ctx, rt, "preflight", http.MethodOptions, r.URL, r.PreflightHeader())
		if err != nil {
			return res, err
		}
		res.Exchanges = append(res.Exchanges, ex)
		if res.Failure = CheckPreflight(r, ex.Response); res.Failure != nil {
			return res, nil
		}
		res.PreflightLifetime = PreflightLifetime(ex.Response.Header)
	}
	return res, fetchActual(ctx, rt, r, res)
}

// fetchActual sends r's actual request, checks its response and adds both
// and the warnings to res.
func fetchActual(ctx context.Context, rt http.RoundTripper, r Request, res *Result) error {
	ex, err := Send(ctx, rt, "actual", r.NormalizedMethod(), r.URL, r.ActualHeader())
	if err != nil {
		return err
	}
	res.Exchanges = append(res.Exchanges, ex)
	if res.Failure = CheckAccess(r, ex.Response); res.Failure != nil {
		return nil
	}
	var preflight *Response
	if len(res.Exchanges) == 2 {
		preflight = &res.Exchanges[0].Response
	}
	res.Warnings = Warnings(r, preflight, &ex.Response)
	if isRedirect(ex.Response) {
		return &RedirectError{Status: ex.Response.Status, Location: ex.Response.Header.Get("Location")}
	}
	return nil
}

// maxBody is how much of a response body send reads, so that the
// connection can be reused; the rest is dropped.
const maxBody = 1 << 20

// Send sends one request of the kind step ("preflight", "actual") with
// exactly the header fields h (and User-Agent: corscheck) through rt, reads
// at most 1 MiB of the response body and returns the exchange. It is the
// one way the model talks to a server; Fetch calls it for each request.
func Send(ctx context.Context, rt http.RoundTripper, step, method, url string, h http.Header) (Exchange, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return Exchange{}, err
	}
	req.Header = h.Clone()
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "corscheck")
	}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return Exchange{}, fmt.Errorf("%s %s %s: %w", step, method, url, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
	return Exchange{Step: step, Method: method, URL: url, Header: h,
		Response: Response{Status: resp.StatusCode, Header: resp.Header}}, nil
}
